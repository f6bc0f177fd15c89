package dev.resltj.server.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.resltj.server.repository.RepositoryAccess.Decision;
import org.junit.jupiter.api.Test;

class RepositoryAccessTest {
  private static final String TOKEN = "a-token-of-enough-length";

  private static RepositoryAccess withToken() {
    return new RepositoryAccess(new RepositorySettings(true, TOKEN, false));
  }

  @Test
  void offAnswersDisabledWhateverIsSent() {
    RepositoryAccess off = new RepositoryAccess(new RepositorySettings(false, null, false));

    assertEquals(Decision.DISABLED, off.check("Bearer " + TOKEN));
    assertEquals(Decision.DISABLED, off.check(null));
  }

  @Test
  void acceptsTheConfiguredBearerTokenWithAnyCaseOfTheScheme() {
    assertEquals(Decision.ALLOWED, withToken().check("Bearer " + TOKEN));
    assertEquals(Decision.ALLOWED, withToken().check("bearer " + TOKEN));
  }

  @Test
  void tellsAMissingTokenFromAWrongOne() {
    assertEquals(Decision.NO_TOKEN, withToken().check(null));
    assertEquals(Decision.NO_TOKEN, withToken().check("Basic dXNlcjpwYXNz"));
    assertEquals(Decision.WRONG_TOKEN, withToken().check("Bearer " + TOKEN + "x"));
    assertEquals(Decision.WRONG_TOKEN, withToken().check("Bearer "));
  }

  @Test
  void anonymousAccessOnlyWhenAskedFor() {
    RepositoryAccess open = new RepositoryAccess(new RepositorySettings(true, null, true));

    assertEquals(Decision.ALLOWED, open.check(null));
  }

  @Test
  void enablingWithoutATokenIsRefusedAtStartupWithWhatToSet() {
    var e =
        assertThrows(
            IllegalArgumentException.class, () -> new RepositorySettings(true, " ", false));

    assertTrue(e.getMessage().contains("reslt.repository.token is not set"), e.getMessage());
    assertTrue(e.getMessage().contains("RESLT_REPOSITORY_TOKEN"), e.getMessage());
  }

  @Test
  void refusesAShortTokenAndATokenWithAnonymousAccess() {
    var shortToken =
        assertThrows(
            IllegalArgumentException.class, () -> new RepositorySettings(true, "secret", false));
    assertTrue(shortToken.getMessage().contains("at least 16"), shortToken.getMessage());

    var both =
        assertThrows(
            IllegalArgumentException.class, () -> new RepositorySettings(true, TOKEN, true));
    assertTrue(both.getMessage().contains("choose one"), both.getMessage());
  }

  @Test
  void settingsNeverPrintTheToken() {
    assertTrue(!new RepositorySettings(true, TOKEN, false).toString().contains(TOKEN));
  }
}
