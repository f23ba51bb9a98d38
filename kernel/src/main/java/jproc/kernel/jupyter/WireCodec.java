package jproc.kernel.jupyter;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.google.gson.reflect.TypeToken;
import org.dflib.jjava.jupyter.kernel.ExpressionValue;
import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.messages.Header;
import org.dflib.jjava.jupyter.messages.KernelTimestamp;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.ReplyType;
import org.dflib.jjava.jupyter.messages.adapters.ExpressionValueAdapter;
import org.dflib.jjava.jupyter.messages.adapters.HeaderAdapter;
import org.dflib.jjava.jupyter.messages.adapters.HistoryEntryAdapter;
import org.dflib.jjava.jupyter.messages.adapters.HistoryRequestAdapter;
import org.dflib.jjava.jupyter.messages.adapters.KernelTimestampAdapter;
import org.dflib.jjava.jupyter.messages.adapters.MessageTypeAdapter;
import org.dflib.jjava.jupyter.messages.adapters.PublishStatusAdapter;
import org.dflib.jjava.jupyter.messages.adapters.ReplyTypeAdapter;
import org.dflib.jjava.jupyter.messages.publish.PublishStatus;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;
import org.zeromq.ZMQ;

import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Reads one Jupyter message from a socket: all frames first (so a bad message is consumed whole), then the
 * signature check, then JSON parsing with the same type adapters JJava's sockets use. Any failure becomes a
 * {@link RejectedMessageException}; the socket stays usable.
 */
final class WireCodec {
    static final byte[] DELIMITER = "<IDS|MSG>".getBytes(StandardCharsets.US_ASCII);
    private static final Type MAP = new TypeToken<Map<String, Object>>() { }.getType();
    private static final Gson GSON = gson();

    private final Signer signer;

    WireCodec(Signer signer) {
        this.signer = signer;
    }

    private static Gson gson() {
        Gson replies = new GsonBuilder()
                .registerTypeAdapter(HistoryEntry.class, HistoryEntryAdapter.INSTANCE)
                .registerTypeAdapter(ExpressionValue.class, ExpressionValueAdapter.INSTANCE)
                .create();
        return new GsonBuilder()
                .registerTypeAdapter(KernelTimestamp.class, KernelTimestampAdapter.INSTANCE)
                .registerTypeAdapter(Header.class, HeaderAdapter.INSTANCE)
                .registerTypeAdapter(MessageType.class, MessageTypeAdapter.INSTANCE)
                .registerTypeAdapter(PublishStatus.class, PublishStatusAdapter.INSTANCE)
                .registerTypeAdapter(HistoryRequest.class, HistoryRequestAdapter.INSTANCE)
                .registerTypeHierarchyAdapter(ReplyType.class, new ReplyTypeAdapter(replies))
                .create();
    }

    /** Receives every frame of the next message (blocking). */
    static List<byte[]> receiveFrames(ZMQ.Socket socket) {
        var frames = new ArrayList<byte[]>();
        do {
            byte[] f = socket.recv();
            if (f == null) {
                break;
            }
            frames.add(f);
        } while (socket.hasReceiveMore());
        return frames;
    }

    /** Verifies and parses the frames of one message. */
    Message<?> decode(List<byte[]> frames) throws RejectedMessageException {
        int d = -1;
        for (int i = 0; i < frames.size(); i++) {
            if (Arrays.equals(DELIMITER, frames.get(i))) {
                d = i;
                break;
            }
        }
        if (d < 0) {
            throw new RejectedMessageException("no <IDS|MSG> delimiter among " + frames.size() + " frames");
        }
        if (frames.size() < d + 6) {
            throw new RejectedMessageException("expected signature, header, parent header, metadata and content after"
                    + " the delimiter, got " + (frames.size() - d - 1) + " frames");
        }
        byte[] signature = frames.get(d + 1);
        byte[] header = frames.get(d + 2);
        byte[] parent = frames.get(d + 3);
        byte[] metadata = frames.get(d + 4);
        byte[] content = frames.get(d + 5);
        if (!signer.verify(signature, header, parent, metadata, content)) {
            throw new RejectedMessageException("invalid HMAC signature");
        }
        try {
            Header<?> h = GSON.fromJson(new String(header, StandardCharsets.UTF_8), Header.class);
            if (h == null || h.getType() == null) {
                throw new RejectedMessageException("header without msg_type");
            }
            Header<?> ph = null;
            JsonElement pj = JsonParser.parseString(new String(parent, StandardCharsets.UTF_8));
            if (pj.isJsonObject() && !pj.getAsJsonObject().isEmpty()) {
                ph = GSON.fromJson(pj, Header.class);
            }
            Map<String, Object> meta = GSON.fromJson(new String(metadata, StandardCharsets.UTF_8), MAP);
            Object body = GSON.fromJson(new String(content, StandardCharsets.UTF_8), h.getType().getContentType());
            if (body == null) {
                throw new RejectedMessageException("empty content");
            }
            List<byte[]> ids = new ArrayList<>(frames.subList(0, d));
            List<byte[]> blobs = new ArrayList<>(frames.subList(d + 6, frames.size()));
            @SuppressWarnings({"unchecked", "rawtypes"})
            Message<?> m = new Message(ids, h, ph, meta, body, blobs);
            return m;
        } catch (RejectedMessageException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new RejectedMessageException("malformed message: " + e, e);
        }
    }
}
