package org.authbench.apikey.jdbc;

import java.util.List;
import org.authbench.apikey.KeyTable;
import org.authbench.apikey.TableTier;
import org.authbench.apikey.TierSettings;

/** A PostgreSQL server over JDBC and HikariCP ({@code AUTHBENCH_POSTGRES_URL}). */
public final class Postgres implements TableTier {

    @Override
    public KeyTable table(TierSettings settings) {
        return JdbcKeyTable.postgres(settings);
    }

    @Override
    public String unavailableReason(TierSettings settings) {
        return JdbcKeyTable.postgresUnavailableReason(settings);
    }

    @Override
    public boolean needsServer() {
        return true;
    }

    @Override
    public boolean database() {
        return true;
    }

    @Override
    public String label() {
        return "PostgreSQL";
    }

    @Override
    public List<String> coordinates() {
        return List.of("org.postgresql:postgresql", "com.zaxxer:HikariCP");
    }
}
