package io.gridbot.exchange.fake;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import javax.net.ServerSocketFactory;

/**
 * Server sockets whose connections send at once (TCP_NODELAY), for every venue's fake server: give one to the
 * fake's {@code MockWebServer} before it starts. A fake writes an answer's head and body apart; with Nagle's
 * algorithm the body would wait for the client's delayed acknowledgement, some 40 ms a request on loopback.
 */
public final class NoDelaySockets extends ServerSocketFactory {

    /** A factory of unbound server sockets whose accepted connections have TCP_NODELAY set. */
    public NoDelaySockets() {
    }

    @Override
    public ServerSocket createServerSocket() throws IOException {
        return new NoDelayServerSocket();
    }

    @Override
    public ServerSocket createServerSocket(int port) throws IOException {
        ServerSocket s = createServerSocket();
        s.bind(new InetSocketAddress(port));
        return s;
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog) throws IOException {
        ServerSocket s = createServerSocket();
        s.bind(new InetSocketAddress(port), backlog);
        return s;
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
        ServerSocket s = createServerSocket();
        s.bind(new InetSocketAddress(address, port), backlog);
        return s;
    }

    private static final class NoDelayServerSocket extends ServerSocket {

        NoDelayServerSocket() throws IOException {
            super();
        }

        @Override
        public Socket accept() throws IOException {
            Socket socket = new Socket();
            implAccept(socket);
            socket.setTcpNoDelay(true);
            return socket;
        }
    }
}
