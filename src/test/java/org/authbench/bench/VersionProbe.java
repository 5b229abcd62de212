package org.authbench.bench;

import java.security.CodeSource;
import org.authbench.crypto.CryptoProvider;
import org.authbench.jwt.JwtAlgorithm;
import org.authbench.jwt.JwtLibrary;

/**
 * Run in a child JVM by {@link LibraryVersionsTest}: prints the version of {@code args[0]} it loads and the jar each of
 * the named classes comes from, then sets up a {@link VerifyBenchmark} trial (the version check, valid tokens
 * accepted, hostile ones refused) for that library at {@code args[1]}.
 */
public final class VersionProbe {

    public static void main(String[] args) throws Exception {
        JwtLibrary library = JwtLibrary.valueOf(args[0]);
        System.out.println("loaded " + LibraryVersions.loaded(library));
        for (int i = 2; i < args.length; i++) {
            CodeSource src = Class.forName(args[i]).getProtectionDomain().getCodeSource();
            System.out.println("class " + args[i] + " " + (src == null ? "?" : src.getLocation()));
        }
        VerifyBenchmark b = new VerifyBenchmark();
        b.library = library;
        b.alg = JwtAlgorithm.valueOf(args[1]);
        b.poolSize = 16;
        b.provider = CryptoProvider.DEFAULT;
        b.setup();
        System.out.println("trial ok");
    }
}
