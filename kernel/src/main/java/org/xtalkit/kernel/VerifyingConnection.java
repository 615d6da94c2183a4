package org.xtalkit.kernel;

import java.security.GeneralSecurityException;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.zeromq.ZMQ;

/**
 * The kernel's five sockets, bound only at the address and ports of the connection file, with
 * shell and control served by {@link VerifyingShellChannel}.
 */
final class VerifyingConnection extends JupyterConnection {
    private final KernelConnectionProperties props;
    private final ZMQ.Context ctx = ZMQ.context(1);
    private final VerifyingShellChannel verifiedShell;
    private final VerifyingShellChannel verifiedControl;

    VerifyingConnection(KernelConnectionProperties props) throws GeneralSecurityException {
        super(props);
        this.props = props;
        verifiedShell = new VerifyingShellChannel(ctx, props.createHMACGenerator(), false, this);
        verifiedControl = new VerifyingShellChannel(ctx, props.createHMACGenerator(), true, this);
    }

    @Override public void connect() {
        heartbeat.bind(props);
        iopub.bind(props);
        stdin.bind(props);
        verifiedControl.bind(props);
        verifiedShell.bind(props);
    }

    @Override public void close() {
        verifiedShell.close();
        verifiedControl.close();
        super.close();
        ctx.close();
    }

    @Override public void waitUntilClose() {
        verifiedShell.waitUntilClose();
        verifiedControl.waitUntilClose();
        super.waitUntilClose();
    }
}
