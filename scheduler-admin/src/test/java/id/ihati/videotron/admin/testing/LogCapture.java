package id.ihati.videotron.admin.testing;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * The bytes the server's own console appender (logback.xml's "OUT", with its encoder and pattern) would write
 * while this is open: what an operator reads with journalctl, not a test-only format.
 */
public final class LogCapture implements AutoCloseable {
    private final Logger root;
    private final AppenderBase<ILoggingEvent> tap;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    public LogCapture() {
        var context = (LoggerContext) LoggerFactory.getILoggerFactory();
        root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        var out = (OutputStreamAppender<ILoggingEvent>) root.getAppender("OUT");
        if (out == null) {
            throw new IllegalStateException("logback.xml has no appender OUT");
        }
        Encoder<ILoggingEvent> encoder = out.getEncoder();
        tap = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent event) {
                byte[] b = encoder.encode(event);
                synchronized (bytes) {
                    bytes.writeBytes(b);
                }
            }
        };
        tap.setContext(context);
        tap.setName("test-capture");
        tap.start();
        root.addAppender(tap);
    }

    /** The lines written so far. */
    public List<String> lines() {
        synchronized (bytes) {
            return bytes.toString(StandardCharsets.UTF_8).lines().toList();
        }
    }

    @Override
    public void close() {
        root.detachAppender(tap);
        tap.stop();
    }
}
