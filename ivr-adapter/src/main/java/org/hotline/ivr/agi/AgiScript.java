package org.hotline.ivr.agi;

/**
 * The call flow run for each FastAGI call.
 *
 * <p>Threading: {@link #start} is called on the call's event loop once the environment block is
 * complete, and must not block; continue from the futures {@link AgiCall#send} returns. An
 * exception thrown from {@code start} is logged and closes the connection.
 */
@FunctionalInterface
public interface AgiScript {

  void start(AgiCall call);
}
