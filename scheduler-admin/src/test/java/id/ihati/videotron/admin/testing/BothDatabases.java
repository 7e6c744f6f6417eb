package id.ihati.videotron.admin.testing;

import java.time.Clock;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.jupiter.params.support.ParameterDeclarations;

/**
 * Two admin servers for a whole test class, one on H2 and one on PostgreSQL, started before its first test and
 * closed after its last. Register it as {@code @RegisterExtension static final BothDatabases servers = new
 * BothDatabases();} and mark the tests that take either server {@link OnBothDatabases}.
 */
public final class BothDatabases implements BeforeAllCallback, AfterAllCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BothDatabases.class);

    private final Clock clock;
    private TestAdmin h2;
    private TestAdmin postgres;

    public BothDatabases() {
        this(Clock.systemUTC());
    }

    /** With the servers' clock, e.g. a {@link MutableClock} the test moves. */
    public BothDatabases(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        h2 = TestAdmin.start(TestDatabases.h2Url(), clock);
        postgres = TestAdmin.start(TestDatabases.newPostgresDatabase(), clock);
        context.getStore(NAMESPACE).put(BothDatabases.class, this);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try (var first = h2; var second = postgres) {
            // closes both, even if one fails
        }
    }

    public TestAdmin h2() {
        return h2;
    }

    /** The H2 server, then the PostgreSQL one. */
    public Stream<TestAdmin> both() {
        return Stream.of(h2, postgres);
    }

    /** The arguments of an {@link OnBothDatabases} test: the servers its class registered. */
    static final class Servers implements ArgumentsProvider {
        @Override
        public Stream<? extends Arguments> provideArguments(ParameterDeclarations parameters,
                                                            ExtensionContext context) {
            BothDatabases servers = context.getStore(NAMESPACE).get(BothDatabases.class, BothDatabases.class);
            if (servers == null) {
                throw new IllegalStateException("@OnBothDatabases needs @RegisterExtension static final "
                        + "BothDatabases in " + context.getRequiredTestClass().getSimpleName());
            }
            return servers.both().map(Arguments::of);
        }
    }
}
