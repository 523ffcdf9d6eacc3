package io.apistage.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.apistage.model.DirectorySource;
import io.apistage.problem.Problem;
import io.apistage.rules.Validation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticRepoTest {

  @Test
  void generatedRepositoryIsValidAndEveryReferenceResolves(@TempDir Path root) throws Exception {
    SyntheticRepo.Stats stats = SyntheticRepo.write(root, 120, 7);

    Validation.Outcome outcome = new Validation().validate(new DirectorySource(root));

    assertThat(outcome.problems()).extracting(Problem::format).isEmpty();
    assertThat(stats.apiFiles()).hasSize(120);
    assertThat(stats.filesByFolder())
        .containsKeys(
            "apis",
            "aliases",
            "applications",
            "packages",
            "plans",
            "policies",
            "promotions",
            "stages",
            "subscriptions",
            "teams");
    assertThat(outcome.config().assets()).hasSize(stats.files() - 1); // apistage.yaml is no asset
  }

  @Test
  void sameSeedWritesTheSameBytes(@TempDir Path a, @TempDir Path b) throws Exception {
    SyntheticRepo.write(a, 40, 3);
    SyntheticRepo.write(b, 40, 3);
    String file = SyntheticRepo.write(a, 40, 3).apiFiles().get(17);

    assertThat(Files.readString(b.resolve(file))).isEqualTo(Files.readString(a.resolve(file)));
  }

  @Test
  void mutationsRewriteTheChosenApisAndStayValid(@TempDir Path root) throws Exception {
    SyntheticRepo.write(root, 60, 5);
    String first = "apis/" + SyntheticRepo.apiName(0) + "/v1.yaml";
    String before = Files.readString(root.resolve(first));

    List<String> changed =
        SyntheticRepo.mutate(root, 60, 5, 3, SyntheticRepo.Mutation.OPTIONAL_PARAMETER);

    assertThat(changed).hasSize(3).startsWith(first);
    String after = Files.readString(root.resolve(first));
    assertThat(after).contains("{ name: fields, type: string, location: query }");
    assertThat(after).isNotEqualTo(before);
    assertThat(new Validation().validate(new DirectorySource(root)).problems()).isEmpty();
  }
}
