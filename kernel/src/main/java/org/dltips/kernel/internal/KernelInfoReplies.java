package org.dltips.kernel.internal;

import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.request.KernelInfoRequest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Answers {@code kernel_info_request} with every field protocol 5.3 lists, {@code status} included, and
 * {@code comm_info_request} with its status.
 *
 * <p>{@code KernelInfoReplies.reply(env, message, "dltips", "0.1.0", language, banner);}
 */
public final class KernelInfoReplies {

    private KernelInfoReplies() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static void reply(ShellReplyEnvironment env, Message<KernelInfoRequest> message, String name,
                             String version, LanguageInfo language, String banner) {
        env.setBusyDeferIdle();
        Map<String, Object> lang = new LinkedHashMap<>();
        lang.put("name", language.getName());
        lang.put("version", language.getVersion());
        lang.put("mimetype", language.getMimetype());
        lang.put("file_extension", language.getFileExtension());
        lang.put("pygments_lexer", language.getPygmentsLexer());
        lang.put("codemirror_mode", language.getCodemirrorMode());
        lang.put("nbconvert_exporter", "script");
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("status", "ok");
        content.put("protocol_version", "5.3");
        content.put("implementation", name);
        content.put("implementation_version", version);
        content.put("language_info", lang);
        content.put("banner", banner);
        content.put("help_links", List.of());
        content.put("debugger", false);
        env.reply(new Message(message, (MessageType) MessageType.KERNEL_INFO_REPLY, content));
    }
}
