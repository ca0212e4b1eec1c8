package org.hotline.server.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.handler.codec.http.HttpResponseStatus;
import org.hotline.kb.ReloadableKnowledgeBase;
import org.hotline.kb.content.ContentSource;
import org.hotline.kb.ranking.ConfidenceModel;
import org.hotline.server.health.HealthRoutes;
import org.hotline.server.http.ApiException;
import org.junit.jupiter.api.Test;

class KnowledgeBaseServiceTest {

  @Test
  void notReadyUntilLoadedThenServesAndReloads() {
    KnowledgeBaseService service = new KnowledgeBaseService();
    var readiness = HealthRoutes.readiness(service::ready);
    assertFalse(service.ready());
    assertEquals(HttpResponseStatus.SERVICE_UNAVAILABLE, readiness.handle(null).status());
    ApiException e = assertThrows(ApiException.class, service::current);
    assertEquals("not_ready", e.code());
    assertThrows(ApiException.class, service::reload);

    int[] reloads = {0};
    service.onReload(kb -> reloads[0]++);
    service.loaded(new ReloadableKnowledgeBase(ContentSource.bundled(), ConfidenceModel.bundled()));
    assertTrue(service.ready());
    assertEquals(HttpResponseStatus.OK, readiness.handle(null).status());
    assertTrue(service.current().content().size() >= 200);
    service.reload();
    assertEquals(1, reloads[0]);
  }
}
