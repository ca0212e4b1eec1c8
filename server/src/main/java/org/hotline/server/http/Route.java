package org.hotline.server.http;

/**
 * One API operation. {@link #handle} runs on a Netty event loop unless {@link #blocking()} says it
 * does blocking work (files, databases, index builds), in which case it runs on a worker thread.
 */
public interface Route {
  ApiResponse handle(ApiRequest request);

  default boolean blocking() {
    return false;
  }

  static Route blocking(Route route) {
    return new Route() {
      @Override
      public ApiResponse handle(ApiRequest request) {
        return route.handle(request);
      }

      @Override
      public boolean blocking() {
        return true;
      }
    };
  }
}
