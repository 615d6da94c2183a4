package org.xtalkit.kernel;

import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.Loop;
import org.dflib.jjava.jupyter.channels.ShellChannel;
import org.dflib.jjava.jupyter.channels.ShellHandler;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Message;
import org.zeromq.ZMQ;

/**
 * A shell or control channel that drops a message whose HMAC signature does not verify and keeps
 * serving. (The library's channel verifies too, but its loop thread dies on the first bad message,
 * which would let anyone who can reach the port silence the kernel.)
 */
final class VerifyingShellChannel extends ShellChannel {
    private static final long SLEEP_MS = 20;
    private final JupyterConnection connection;
    private final boolean control;
    private volatile Loop loop;

    VerifyingShellChannel(ZMQ.Context ctx, HMACGenerator hmac, boolean control, JupyterConnection connection) {
        super(ctx, hmac, control, connection, SLEEP_MS);
        this.connection = connection;
        this.control = control;
    }

    @Override public void bind(KernelConnectionProperties p) {
        String address = formatAddress(p.getTransport(), p.getIp(), control ? p.getControlPort() : p.getShellPort());
        if (!bind(address)) throw new IllegalStateException("cannot bind " + address);
        ZMQ.Poller poller = ctx.poller(1);
        poller.register(this, ZMQ.Poller.POLLIN);
        loop = new Loop(control ? "control" : "shell", SLEEP_MS, () -> serve(poller));
        loop.start();
    }

    private void serve(ZMQ.Poller poller) {
        if (poller.poll(0) <= 0) return;
        Message<?> message;
        try {
            message = readMessage();
        } catch (SecurityException e) {
            logger.warn("rejected a message on the {} channel: {}", control ? "control" : "shell", e.getMessage());
            return;
        } catch (RuntimeException e) {
            logger.warn("dropped an unreadable message: {}", e.toString());
            return;
        }
        dispatch(message);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void dispatch(Message message) {
        ShellHandler handler = connection.getHandler(message.getHeader().getType());
        if (handler == null) {
            logger.warn("unhandled message type {}", message.getHeader().getType().getName());
            return;
        }
        ShellReplyEnvironment env = connection.prepareReplyEnv(this, message);
        try {
            handler.handle(env, message);
        } catch (Exception e) {
            logger.warn("error handling {}: {}", message.getHeader().getType().getName(), e.toString());
        } finally {
            env.resolveDeferrals();
        }
        if (env.isMarkedForShutdown()) connection.close();
    }

    @Override public void close() {
        Loop l = loop;
        if (l != null) {
            l.shutdown();
            loop = null;
        }
        super.close();
    }

    @Override public void waitUntilClose() {
        Loop l = loop;
        if (l != null) {
            try {
                l.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
