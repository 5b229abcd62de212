package org.authbench.jwt.reference;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import org.authbench.jwt.JwtAlgorithm;
import org.authbench.jwt.TokenClaims;
import org.authbench.jwt.TokenIssuer;

/**
 * A minimal compact-JWS signer on plain JCA and Jackson's streaming generator: the floor a library's issuing
 * path could reach. The header ({@code {"alg":...,"typ":"JWT"}}) is encoded once; per token it writes the claims,
 * base64url-encodes them, and signs with a per-thread initialised {@code Mac} or {@code Signature} (ECDSA through
 * the {@code ...inP1363Format} variants, so the JCA hands back JWS's r || s directly; PS256 with its PSS
 * parameters; EdDSA as {@code Ed25519}).
 *
 * <pre>java -jar target/authbench.jar jmh IssueBenchmark -p library=REFERENCE</pre>
 */
public final class ReferenceIssuer implements TokenIssuer {

    private static final JsonFactory JSON = new JsonFactory();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final JwtAlgorithm alg;
    private final Key key;
    private final String encodedHeader;
    // Mac and Signature objects are not thread-safe; one initialised instance per thread, built lazily.
    private final ThreadLocal<PerThread> perThread;

    public ReferenceIssuer(JwtAlgorithm algorithm, Key signingKey) {
        TokenIssuer.checkSigningKey(algorithm, signingKey);
        this.alg = algorithm;
        this.key = signingKey;
        this.encodedHeader = B64.encodeToString(("{\"alg\":\"" + algorithm.name() + "\",\"typ\":\"JWT\"}")
                .getBytes(StandardCharsets.US_ASCII));
        // Fail now, not on the first token, if the platform lacks the primitive.
        PerThread probe = newPerThread();
        this.perThread = ThreadLocal.withInitial(this::newPerThread);
        this.perThread.set(probe);
    }

    private PerThread newPerThread() {
        try {
            if (alg.isHmac()) {
                Mac mac = Mac.getInstance(alg.jcaName());
                mac.init((SecretKey) key);
                return new PerThread(mac, null);
            }
            Signature sig = alg.newSignature();
            sig.initSign((PrivateKey) key);
            return new PerThread(null, sig);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot initialise " + alg.jcaName() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String issue(TokenClaims claims) {
        PerThread t = perThread.get();
        String signingInput = encodedHeader + '.' + B64.encodeToString(payload(t.buffer, claims));
        byte[] data = signingInput.getBytes(StandardCharsets.US_ASCII);
        try {
            byte[] signature;
            if (t.mac != null) {
                signature = t.mac.doFinal(data);
            } else {
                t.signature.update(data);
                signature = t.signature.sign();
            }
            return signingInput + '.' + B64.encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with " + alg.jcaName() + ": " + e.getMessage(), e);
        }
    }

    private static byte[] payload(ByteArrayBuilder buffer, TokenClaims c) {
        buffer.reset();
        try (JsonGenerator g = JSON.createGenerator(buffer)) {
            g.writeStartObject();
            g.writeStringField("iss", c.issuer());
            g.writeStringField("sub", c.subject());
            g.writeStringField("aud", c.audience());
            g.writeNumberField("iat", c.issuedAt());
            g.writeNumberField("nbf", c.notBefore());
            g.writeNumberField("exp", c.expiresAt());
            g.writeStringField("jti", c.id());
            g.writeStringField("scope", c.scope());
            g.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("cannot write claims: " + e.getMessage(), e);
        }
        return buffer.toByteArray();
    }

    private static final class PerThread {
        final Mac mac;
        final Signature signature;
        final ByteArrayBuilder buffer = new ByteArrayBuilder(512);

        PerThread(Mac mac, Signature signature) {
            this.mac = mac;
            this.signature = signature;
        }
    }
}
