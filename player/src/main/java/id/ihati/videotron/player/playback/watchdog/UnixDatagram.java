package id.ihati.videotron.player.playback.watchdog;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Structure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Sends and receives datagrams on Unix sockets through libc: the JDK's channels support Unix stream sockets
 * only, and systemd's notification socket is a datagram one. A socket name starting with {@code @} is in the
 * abstract namespace, as {@code NOTIFY_SOCKET} may say.
 */
public final class UnixDatagram implements AutoCloseable {
    private static final int AF_UNIX = 1;
    private static final int SOCK_DGRAM = 2;
    private static final int SOCK_CLOEXEC = 0x80000;
    private static final int MSG_DONTWAIT = 0x40;
    private static final int EAGAIN = 11;

    interface LibC extends Library {
        LibC INSTANCE = Native.load("c", LibC.class);

        int socket(int domain, int type, int protocol) throws LastErrorException;

        int bind(int fd, SockAddr address, int length) throws LastErrorException;

        int sendto(int fd, byte[] data, long length, int flags, SockAddr address, int addressLength)
                throws LastErrorException;

        long recv(int fd, byte[] buffer, long length, int flags) throws LastErrorException;

        int close(int fd) throws LastErrorException;
    }

    /** {@code struct sockaddr_un}. */
    @Structure.FieldOrder({"family", "path"})
    public static final class SockAddr extends Structure {
        public short family = AF_UNIX;
        public byte[] path = new byte[108];

        SockAddr(String name) {
            byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
            if (bytes.length >= path.length) {
                throw new IllegalArgumentException("socket name too long: " + name);
            }
            System.arraycopy(bytes, 0, path, 0, bytes.length);
            if (name.startsWith("@")) {
                path[0] = 0;
            }
        }

        /** The length to pass: abstract names are not NUL-terminated and count exactly. */
        int length(String name) {
            return 2 + name.getBytes(StandardCharsets.UTF_8).length + (name.startsWith("@") ? 0 : 1);
        }
    }

    private final int fd;

    private UnixDatagram(int fd) {
        this.fd = fd;
    }

    /** An unbound socket for sending. */
    public static UnixDatagram open() throws IOException {
        try {
            return new UnixDatagram(LibC.INSTANCE.socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0));
        } catch (LastErrorException e) {
            throw new IOException("cannot open a Unix datagram socket: errno " + e.getErrorCode(), e);
        }
    }

    /** A socket bound to {@code name}, for receiving (a test plays the service manager with it). */
    public static UnixDatagram bound(String name) throws IOException {
        UnixDatagram socket = open();
        try {
            var address = new SockAddr(name);
            LibC.INSTANCE.bind(socket.fd, address, address.length(name));
            return socket;
        } catch (LastErrorException e) {
            socket.close();
            throw new IOException("cannot bind " + name + ": errno " + e.getErrorCode(), e);
        }
    }

    public void send(String name, String message) throws IOException {
        byte[] data = message.getBytes(StandardCharsets.UTF_8);
        var address = new SockAddr(name);
        try {
            LibC.INSTANCE.sendto(fd, data, data.length, 0, address, address.length(name));
        } catch (LastErrorException e) {
            throw new IOException("cannot send to " + name + ": errno " + e.getErrorCode(), e);
        }
    }

    /** The next datagram waiting, without blocking; empty when none is. */
    public Optional<String> poll() throws IOException {
        byte[] buffer = new byte[4096];
        try {
            long n = LibC.INSTANCE.recv(fd, buffer, buffer.length, MSG_DONTWAIT);
            return Optional.of(new String(buffer, 0, (int) n, StandardCharsets.UTF_8));
        } catch (LastErrorException e) {
            if (e.getErrorCode() == EAGAIN) {
                return Optional.empty();
            }
            throw new IOException("receive failed: errno " + e.getErrorCode(), e);
        }
    }

    @Override
    public void close() {
        try {
            LibC.INSTANCE.close(fd);
        } catch (LastErrorException e) {
            throw new IllegalStateException("close failed: errno " + e.getErrorCode(), e);
        }
    }
}
