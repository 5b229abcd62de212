package org.authbench.apikey.jdbc;

import java.util.List;
import org.authbench.apikey.KeyTable;
import org.authbench.apikey.TableTier;
import org.authbench.apikey.TierSettings;

/** Embedded H2 in-memory database over JDBC: a database lookup without a server. */
public final class H2 implements TableTier {

    @Override
    public Facts facts() {
        return new Facts("embedded SQL", Where.EMBEDDED_DATABASE, List.of("com.h2database:h2"));
    }

    @Override
    public KeyTable table(TierSettings settings) {
        return JdbcKeyTable.h2(settings);
    }

    @Override
    public String unavailableReason(TierSettings settings) {
        return null;
    }
}
