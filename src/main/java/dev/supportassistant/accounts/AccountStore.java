package dev.supportassistant.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Desk accounts in SQL; names are looked up whatever their case. */
@Repository
class AccountStore {

    /** An account with its password hash, which never leaves this package. */
    record Stored(DeskAccount account, String passwordHash) {
    }

    private final JdbcClient jdbc;

    AccountStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return false when an account of that name (in any case) exists */
    boolean insert(String name, String passwordHash, DeskRole role, Instant now) {
        try {
            return jdbc.sql("""
                    INSERT INTO desk_accounts (name, name_key, password_hash, role, enabled, created_at,
                        password_changed_at, updated_at)
                    VALUES (:name, :key, :hash, :role, TRUE, :now, :now, :now)
                    """)
                    .param("name", name).param("key", key(name)).param("hash", passwordHash)
                    .param("role", role.wireName()).param("now", timestamp(now)).update() > 0;
        } catch (DuplicateKeyException exists) {
            return false;
        }
    }

    Optional<Stored> find(String name) {
        return jdbc.sql("SELECT * FROM desk_accounts WHERE name_key = :key").param("key", key(name))
                .query(AccountStore::stored).optional();
    }

    List<DeskAccount> all() {
        return jdbc.sql("SELECT * FROM desk_accounts ORDER BY name_key").query(AccountStore::stored).list().stream()
                .map(Stored::account).toList();
    }

    boolean anyEnabled() {
        return Boolean.TRUE.equals(jdbc.sql("SELECT EXISTS (SELECT 1 FROM desk_accounts WHERE enabled)")
                .query(Boolean.class).single());
    }

    boolean setEnabled(String name, boolean enabled, Instant now) {
        return jdbc.sql("UPDATE desk_accounts SET enabled = :enabled, updated_at = :now WHERE name_key = :key")
                .param("enabled", enabled).param("now", timestamp(now)).param("key", key(name)).update() > 0;
    }

    boolean setPassword(String name, String passwordHash, Instant now) {
        return jdbc.sql("""
                UPDATE desk_accounts SET password_hash = :hash, password_changed_at = :now, updated_at = :now
                WHERE name_key = :key
                """)
                .param("hash", passwordHash).param("now", timestamp(now)).param("key", key(name)).update() > 0;
    }

    static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static Stored stored(ResultSet rs, int row) throws SQLException {
        return new Stored(new DeskAccount(rs.getString("name"),
                DeskRole.fromWireName(rs.getString("role")).orElse(DeskRole.AGENT), rs.getBoolean("enabled"),
                instant(rs, "created_at"), instant(rs, "password_changed_at"), instant(rs, "updated_at")),
                rs.getString("password_hash"));
    }
}
