package jproc.process.spawn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.lang.invoke.MethodType;

import org.junit.jupiter.api.Test;

/** The child's descriptor parser agrees with the JDK's for every kind of parameter. */
class LambdaShippingTest {
    @Test
    void parameterTypesMatchMethodType() throws Exception {
        ClassLoader loader = getClass().getClassLoader();
        for (String d : new String[] {"()V", "(I)V", "(ZBCSIJFD)Ljava/lang/Object;", "(Ljava/lang/String;)I",
            "([I[[Ljava/lang/String;J)V", "(Ljava/util/List;[JLjava/util/Map$Entry;)V",
            "(Ljproc/process/spawn/LambdaShippingTest;[[D)V"}) {
            assertArrayEquals(MethodType.fromMethodDescriptorString(d, loader).parameterArray(),
                    LambdaShipping.Call.parameterTypes(d, loader), d);
        }
    }
}
