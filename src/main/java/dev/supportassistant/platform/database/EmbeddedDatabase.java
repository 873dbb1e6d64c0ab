package dev.supportassistant.platform.database;

import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The embedded H2 database behind the service's connection pool, reached on connections of their own beside
 * the pool's (which {@link PoolLimits} keeps to one there), for background work that must neither wait for
 * nor hold the turn's connection; with the pool's size, for work that relies on that one connection.
 */
public record EmbeddedDatabase(DataSource connections, int pooledConnections) {

    /**
     * The embedded database behind the service's pool, or empty on PostgreSQL.
     *
     * @throws SQLException if the pool is not HikariCP's, which the service always uses (as {@link GroupCommit})
     */
    public static Optional<EmbeddedDatabase> behind(DataSource dataSource) throws SQLException {
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        if (!PoolLimits.embedded(pool)) {
            return Optional.empty();
        }
        return Optional.of(new EmbeddedDatabase(
                new DriverManagerDataSource(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword()),
                pool.getMaximumPoolSize()));
    }
}
