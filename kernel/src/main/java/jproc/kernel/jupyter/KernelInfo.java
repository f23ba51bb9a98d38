package jproc.kernel.jupyter;

import org.dflib.jjava.jupyter.kernel.HelpLink;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.messages.reply.KernelInfoReply;

import java.util.List;

/** JJava's {@code kernel_info_reply} with the {@code status} field the protocol asks for. */
final class KernelInfo extends KernelInfoReply {
    @SuppressWarnings("unused") // serialized by Gson
    private final String status = "ok";

    KernelInfo(String protocolVersion, String name, String version, LanguageInfo languageInfo, String banner,
               List<HelpLink> helpLinks) {
        super(protocolVersion, name, version, languageInfo, banner, helpLinks);
    }
}
