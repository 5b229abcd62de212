package org.authbench.apikey.jdbc;

import java.util.List;
import org.authbench.apikey.KeyTable;
import org.authbench.apikey.TableTier;
import org.authbench.apikey.TierSettings;

/** A PostgreSQL server over JDBC and HikariCP ({@code AUTHBENCH_POSTGRES_URL}). */
public final class Postgres implements TableTier {

    @Override
    public Facts facts() {
        return new Facts("PostgreSQL", Where.DATABASE_SERVER, List.of("org.postgresql:postgresql", "com.zaxxer:HikariCP"));
    }

    @Override
    public KeyTable table(TierSettings settings) {
        return JdbcKeyTable.postgres(settings);
    }

    @Override
    public String unavailableReason(TierSettings settings) {
        return JdbcKeyTable.postgresUnavailableReason(settings);
    }
}
