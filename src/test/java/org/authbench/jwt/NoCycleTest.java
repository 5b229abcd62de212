package org.authbench.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.authbench.jwt.auth0.Auth0;
import org.authbench.support.ClassGraph;
import org.junit.jupiter.api.Test;

/**
 * {@code jwt} reaches each library's folder through {@link JwtLibrary}; no class of a library folder may lead back
 * to it (an adapter calling {@code JwtLibrary.AUTH0.requireSupport} did): a library's facts stay in its folder.
 */
class NoCycleTest {

    @Test
    void noClassCycleSpansJwtAndItsSubpackages() throws IOException {
        ClassGraph g = ClassGraph.of("org.authbench.jwt", JwtLibrary.class);
        assertThat(g.references("org/authbench/jwt/JwtLibrary")).as("the graph is read").contains("org/authbench/jwt/auth0/Auth0");
        assertThat(g.references("org/authbench/jwt/auth0/Auth0")).doesNotContain("org/authbench/jwt/JwtLibrary");
        assertThat(g.cyclesAcrossPackages()).isEmpty();
    }

    /** The check can fail: a class of a subpackage that refers back to the enum makes a cycle. */
    @Test
    void aReferenceBackToTheEnumIsACycle() throws IOException {
        ClassGraph g = ClassGraph.of("org.authbench.jwt", Auth0.class);
        assertThat(g.withEdge("org/authbench/jwt/auth0/Auth0", "org/authbench/jwt/JwtLibrary").cyclesAcrossPackages())
                .singleElement().satisfies(c -> assertThat(c).contains("org/authbench/jwt/JwtLibrary", "org/authbench/jwt/auth0/Auth0"));
    }
}
