package jproc.magics.support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jproc.kernel.display.MimeBundle;
import jproc.kernel.engine.JShellEngine;
import jproc.kernel.magic.MagicContext;
import jproc.kernel.magic.MagicRegistry;
import jproc.kernel.output.CellContext;
import jproc.kernel.output.CellOutput;

/** A magic context outside a kernel: records displays, updates and declared variables. */
public final class RecordingContext implements MagicContext {
    /** Every display and update, in order: display id to bundle. */
    public final List<Map.Entry<String, MimeBundle>> shown = Collections.synchronizedList(new ArrayList<>());
    /** Declared variables. */
    public final Map<String, Object> vars = Collections.synchronizedMap(new LinkedHashMap<>());
    private int ids;

    @Override
    public CellContext cell() {
        return null;
    }

    @Override
    public CellOutput output() {
        return null;
    }

    @Override
    public synchronized String display(Object value) {
        String id = "d" + (++ids);
        shown.add(Map.entry(id, (MimeBundle) value));
        return id;
    }

    @Override
    public void updateDisplay(String displayId, Object value) {
        shown.add(Map.entry(displayId, (MimeBundle) value));
    }

    @Override
    public Optional<Object> variable(String name) {
        return Optional.ofNullable(vars.get(name));
    }

    @Override
    public Map<String, String> variables() {
        var m = new LinkedHashMap<String, String>();
        vars.forEach((k, v) -> m.put(k, v.getClass().getName()));
        return m;
    }

    @Override
    public void declare(String name, String type, Object value) {
        vars.put(name, value);
    }

    @Override
    public Object eval(String code) {
        throw new UnsupportedOperationException("no JShell here: " + code);
    }

    @Override
    public MagicRegistry magics() {
        return new MagicRegistry();
    }

    @Override
    public JShellEngine engine() {
        return null;
    }

    @Override
    public void addToClasspath(String path) {
    }

    /** The last bundle shown. */
    public MimeBundle last() {
        return shown.get(shown.size() - 1).getValue();
    }

    /** The text/plain of the last bundle shown. */
    public String lastText() {
        return last().plainText();
    }
}
