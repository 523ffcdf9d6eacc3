package io.apistage.lifecycle;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Tests that run a lifecycle goal on a fresh copy of the example repository, branch feature. */
abstract class OnExampleRepo {

  @TempDir Path tmp;
  ExampleRepo repo;

  @BeforeEach
  void copyExample() throws Exception {
    repo = ExampleRepo.create(tmp);
  }

  @AfterEach
  void closeRepo() {
    repo.close();
  }
}
