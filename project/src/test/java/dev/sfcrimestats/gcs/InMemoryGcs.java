package dev.sfcrimestats.gcs;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.FileAlreadyExistsException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.google.api.services.storage.model.StorageObject;
import com.google.cloud.NoCredentials;
import com.google.cloud.ServiceOptions;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageException;
import com.google.cloud.storage.StorageOptions;
import com.google.cloud.storage.contrib.nio.testing.LocalStorageHelper;
import com.google.cloud.storage.spi.v1.StorageRpc;

/**
 * Google's in-memory Cloud Storage (the fake behind {@link LocalStorageHelper}) with what the landing zone's tests
 * need on top. The fake is reached through a proxy of its {@link StorageRpc} that
 * <ul>
 * <li>records each call with its options, so a test can see the preconditions the client sent;</li>
 * <li>answers a does-not-exist precondition on an existing object with HTTP 412, as Cloud Storage does. The fake
 * checks the precondition when a resumable upload starts ({@code open}, the client's path for a file), but fails with
 * a {@link FileAlreadyExistsException} inside a {@link StorageException} that has no HTTP code; and it ignores the
 * precondition on a one-request upload ({@code create}, the client's path for an empty file). Both get Cloud
 * Storage's 412 here instead, so the zone's handling of the real answer is what is tested;</li>
 * <li>fails a chosen call with a given {@link StorageException}, for the error messages.</li>
 * </ul>
 * Each instance has its own store: {@link LocalStorageHelper#getOptions()} shares one static fake between all its
 * callers and throws on any option on a one-request upload (the does-not-exist precondition included), so the tests
 * use a fresh fake from {@link LocalStorageHelper#customOptions(boolean)} that accepts options. The client does not
 * retry here, so an injected failure surfaces at once.
 */
public final class InMemoryGcs {

    /** One call to the storage RPC: the method's name and the options it was given (empty when it takes none). */
    public record Call(String method, Map<StorageRpc.Option, Object> options) {
    }

    final List<Call> calls = new ArrayList<>();
    final Storage storage;

    private final StorageRpc fake = (StorageRpc) LocalStorageHelper.customOptions(false).getRpc();
    private final Map<String, StorageException> failures = new HashMap<>();

    public InMemoryGcs() {
        StorageRpc rpc = (StorageRpc) Proxy.newProxyInstance(StorageRpc.class.getClassLoader(),
                new Class<?>[] {StorageRpc.class}, this::invoke);
        storage = StorageOptions.newBuilder()
                .setProjectId("fake-project")
                .setCredentials(NoCredentials.getInstance())
                .setRetrySettings(ServiceOptions.getNoRetrySettings())
                .setServiceRpcFactory(options -> rpc)
                .build()
                .getService();
    }

    /** The in-memory Storage, for code under test. */
    public Storage storage() {
        return storage;
    }

    /** Makes every later call of the RPC method (create, load, read, list, delete, ...) fail with {@code failure}. */
    void failWith(String rpcMethod, StorageException failure) {
        failures.put(rpcMethod, failure);
    }

    /** The calls of one RPC method so far. */
    public List<Call> calls(String rpcMethod) {
        return calls.stream().filter(call -> call.method().equals(rpcMethod)).toList();
    }

    private Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return method.invoke(fake, args);
        }
        Map<StorageRpc.Option, Object> options = optionsOf(args);
        calls.add(new Call(method.getName(), options));
        StorageException failure = failures.get(method.getName());
        if (failure != null) {
            throw failure;
        }
        if (method.getName().equals("create") && args[0] instanceof StorageObject object
                && Long.valueOf(0).equals(options.get(StorageRpc.Option.IF_GENERATION_MATCH))
                && fake.get(object, Map.of()) != null) {
            throw preconditionFailed();
        }
        try {
            return method.invoke(fake, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof StorageException storageFailure
                    && storageFailure.getCause() instanceof FileAlreadyExistsException) {
                throw preconditionFailed();
            }
            throw e.getCause();
        }
    }

    /** Cloud Storage's answer to a precondition that does not hold. */
    static StorageException preconditionFailed() {
        return new StorageException(412, "At least one of the pre-conditions you specified did not hold.",
                "conditionNotMet", null);
    }

    /** A copy of the call's options: the client may reuse its map. */
    private static Map<StorageRpc.Option, Object> optionsOf(Object[] args) {
        Map<StorageRpc.Option, Object> options = new HashMap<>();
        if (args != null) {
            for (Object arg : args) {
                if (arg instanceof Map<?, ?> map) {
                    map.forEach((key, value) -> {
                        if (key instanceof StorageRpc.Option option) {
                            options.put(option, value);
                        }
                    });
                }
            }
        }
        return Collections.unmodifiableMap(options);
    }
}
