package org.authbench.apikey.jdbc;

import java.util.List;
import org.authbench.apikey.KeyTable;
import org.authbench.apikey.TableTier;
import org.authbench.apikey.TierSettings;

/** Embedded H2 in-memory database over JDBC: a database lookup without a server. */
public final class H2 implements TableTier {

    @Override
    public KeyTable table(TierSettings settings) {
        return JdbcKeyTable.h2(settings);
    }

    @Override
    public String unavailableReason(TierSettings settings) {
        return null;
    }

    @Override
    public boolean needsServer() {
        return false;
    }

    @Override
    public boolean database() {
        return true;
    }

    @Override
    public String label() {
        return "embedded SQL";
    }

    @Override
    public List<String> coordinates() {
        return List.of("com.h2database:h2");
    }
}
