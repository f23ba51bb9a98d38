package jproc.kernel.jupyter;

import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WireCodecTest {
    private static final String KEY = "0123456789abcdef";
    private final Signer signer = new Signer("hmac-sha256", KEY);
    private final WireCodec codec = new WireCodec(signer);

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private List<byte[]> message(String header, String content, boolean signRight) {
        byte[] h = b(header);
        byte[] p = b("{}");
        byte[] m = b("{}");
        byte[] c = b(content);
        byte[] sig = signRight ? signer.sign(h, p, m, c) : new Signer("hmac-sha256", "other").sign(h, p, m, c);
        var frames = new ArrayList<byte[]>();
        frames.add(b("client-id"));
        frames.add(WireCodec.DELIMITER);
        frames.add(sig);
        frames.addAll(List.of(h, p, m, c));
        return frames;
    }

    private static String header(String type) {
        return "{\"msg_id\":\"m1\",\"username\":\"u\",\"session\":\"s\",\"date\":\"2026-11-23T10:00:00Z\","
                + "\"msg_type\":\"" + type + "\",\"version\":\"5.3\"}";
    }

    @Test
    void aSignedRequestIsDecoded() throws Exception {
        Message<?> m = codec.decode(message(header("execute_request"), "{\"code\":\"1 + 1\",\"silent\":false}", true));
        assertEquals(MessageType.EXECUTE_REQUEST, m.getHeader().getType());
        assertEquals("1 + 1", ((ExecuteRequest) m.getContent()).getCode());
        assertEquals("client-id", new String(m.getIdentities().get(0), StandardCharsets.UTF_8));
    }

    @Test
    void aWrongSignatureIsRejected() {
        var e = assertThrows(RejectedMessageException.class,
                () -> codec.decode(message(header("execute_request"), "{\"code\":\"1\"}", false)));
        assertTrue(e.getMessage().contains("signature"), e.getMessage());
    }

    @Test
    void malformedMessagesAreRejectedNotThrown() {
        assertThrows(RejectedMessageException.class, () -> codec.decode(List.of(b("no"), b("delimiter"))));
        assertThrows(RejectedMessageException.class,
                () -> codec.decode(List.of(WireCodec.DELIMITER, b("sig"), b("{}"))));
        assertThrows(RejectedMessageException.class,
                () -> codec.decode(message("{not json", "{}", true)));
        assertThrows(RejectedMessageException.class,
                () -> codec.decode(message("{\"msg_id\":\"x\",\"msg_type\":\"execute_request\"}", "{}", true)));
        assertThrows(RejectedMessageException.class,
                () -> codec.decode(message(header("execute_request"), "[1, 2]", true)));
    }

    @Test
    void signaturesAreCheckedForEveryPart() {
        byte[] h = b("{}");
        byte[] sig = signer.sign(h, h, h, b("a"));
        assertTrue(signer.verify(sig, h, h, h, b("a")));
        assertFalse(signer.verify(sig, h, h, h, b("b")));
        assertFalse(signer.verify(new byte[0], h, h, h, b("a")));
        assertTrue(new Signer("hmac-sha256", "").verify(new byte[0], h, h, h, b("a")), "no key: no signing");
    }

    @Test
    void unsupportedSchemeIsRefusedWithAClearMessage() {
        var e = assertThrows(IllegalArgumentException.class, () -> new Signer("hmac-md17", KEY));
        assertTrue(e.getMessage().contains("hmac-sha256"), e.getMessage());
    }
}
