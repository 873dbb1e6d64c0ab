package dev.supportassistant.platform.database;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.datasource.ConnectionProxy;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Lets a bounded number of callers use the database at once and queues the rest, first come first
 * served, instead of letting every request thread race for the pool. Beyond {@code maxWaiting}
 * waiting callers a new one is refused at once, so sustained overload is answered 503 instead of
 * piling up requests until memory runs out.
 *
 * <p>With virtual threads nothing else bounds how many requests reach the database: thousands would
 * wait on the connection pool, whose short timeout (so that an outage is answered 503 at once)
 * would fail them although the database is merely busy. Here they wait their turn, up to
 * {@code maxWait}. While the database is failing (the last attempt to get a connection failed)
 * nobody waits: one caller at a time tries the database again (answered within the pool's
 * timeout), everyone else, queued or new, is refused at once; the first success ends the outage.
 *
 * <p>A thread that already holds a connection from here gets another one without queueing, so
 * nested use can never wait for itself.
 */
public final class AdmittingDataSource extends DelegatingDataSource {

    private final Turnstile places;
    private final int concurrency;
    private final Duration maxWait;
    private final int maxWaiting;
    private final ThreadLocal<int[]> held = ThreadLocal.withInitial(() -> new int[1]);
    private final AtomicBoolean probing = new AtomicBoolean();
    private volatile boolean failing;

    AdmittingDataSource(DataSource target, int concurrency, Duration maxWait, int maxWaiting) {
        super(target);
        this.places = new Turnstile(concurrency, maxWait, maxWaiting);
        this.concurrency = concurrency;
        this.maxWait = maxWait;
        this.maxWaiting = maxWaiting;
    }

    /** Whether callers use the database one after another (the embedded H2 file database). */
    boolean oneCallerAtATime() {
        return concurrency == 1;
    }

    /** How long a caller waits for its turn at most before it is refused as {@link Busy}. */
    Duration maxWait() {
        return maxWait;
    }

    /** How many callers may wait for their turn at once; the next one is refused as {@link Busy}. */
    int maxWaiting() {
        return maxWaiting;
    }

    /** Callers waiting for their turn (an estimate, for metrics). */
    int waiting() {
        return places.waiting();
    }

    @Override
    public Connection getConnection() throws SQLException {
        return admitted(() -> obtainTargetDataSource().getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return admitted(() -> obtainTargetDataSource().getConnection(username, password));
    }

    private interface ConnectionSource {
        Connection get() throws SQLException;
    }

    private Connection admitted(ConnectionSource source) throws SQLException {
        int[] mine = held.get();
        if (mine[0] > 0) {
            return tracked(source.get());
        }
        // While the database is failing, one caller at a time finds out whether it is back.
        boolean probe = failing && probing.compareAndSet(false, true);
        try {
            if (failing && !probe) {
                throw new Refused();
            }
            awaitTurn();
            boolean admitted = false;
            try {
                // Whoever queued behind a failure passes the refusal on at once, emptying the queue.
                if (failing && !probe) {
                    throw new Refused();
                }
                Connection connection = source.get();
                failing = false;
                Connection tracked = tracked(connection);
                admitted = true;
                return tracked;
            } catch (SQLException failure) {
                if (!(failure instanceof Refused)) {
                    failing = true;
                }
                throw failure;
            } finally {
                if (!admitted) {
                    places.leave();
                }
            }
        } finally {
            if (probe) {
                probing.set(false);
            }
        }
    }

    private void awaitTurn() throws SQLException {
        try {
            places.enter();
        } catch (Turnstile.NoPlace busy) {
            throw new Busy(busy.getMessage());
        }
    }

    /** Counts the connection as this thread's until it is closed, and gives the turn back then. */
    private Connection tracked(Connection connection) {
        int[] mine = held.get();
        AtomicBoolean closed = new AtomicBoolean();
        Connection proxy = (Connection) Proxy.newProxyInstance(ConnectionProxy.class.getClassLoader(),
                new Class<?>[] {ConnectionProxy.class}, new Handler(connection, () -> {
                    if (closed.compareAndSet(false, true) && --mine[0] == 0) {
                        places.leave();
                    }
                }));
        mine[0]++;
        return proxy;
    }

    /**
     * The refusal when too many callers already wait for the database, or one waited too long: the
     * one type other modules see, so that the error mapping answers it 503 with words of its own.
     */
    public static final class Busy extends SQLTransientConnectionException {
        public Busy(String why) {
            super("The database is too busy: " + why);
        }
    }

    /** The refusal while the database is failing: it did not reach the database, so it proves nothing. */
    private static final class Refused extends SQLTransientConnectionException {
        Refused() {
            super("The database is unavailable (the last attempt to reach it failed)");
        }
    }

    private static final class Handler implements InvocationHandler {
        private final Connection target;
        private final Runnable onClose;

        Handler(Connection target, Runnable onClose) {
            this.target = target;
            this.onClose = onClose;
        }

        @Override
        public @Nullable Object invoke(Object proxy, Method method, @Nullable Object @Nullable [] args)
                throws Throwable {
            switch (method.getName()) {
                case "getTargetConnection":
                    return target;
                case "equals":
                    return proxy == args[0];
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "toString":
                    return "admitted " + target;
                case "close":
                    try {
                        target.close();
                    } finally {
                        onClose.run();
                    }
                    return null;
                default:
                    try {
                        return method.invoke(target, args);
                    } catch (InvocationTargetException failure) {
                        throw failure.getTargetException();
                    }
            }
        }
    }
}
