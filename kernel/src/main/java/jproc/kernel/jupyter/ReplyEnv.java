package jproc.kernel.jupyter;

import org.dflib.jjava.jupyter.channels.JupyterSocket;
import org.dflib.jjava.jupyter.channels.ShellChannel;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.channels.StdinChannel;
import org.dflib.jjava.jupyter.messages.MessageContext;

/** JJava's reply environment over this adapter's channels. */
final class ReplyEnv extends ShellReplyEnvironment {
    ReplyEnv(ShellChannel shell, StdinChannel stdin, JupyterSocket iopub, MessageContext context) {
        super(shell, stdin, iopub, context);
    }
}
