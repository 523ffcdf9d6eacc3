package io.apistage.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.apistage.goal.GoalResult;
import io.apistage.goal.ValidateReport;
import io.apistage.problem.Problem;
import io.apistage.problem.Severity;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JUnitReportTest {

  /** Where the check-versions fixture builds its repository. */
  @TempDir Path repo;

  @Test
  void oneTestCasePerFileWithTheProblemsAsFailure() throws Exception {
    GoalResult result = Fixtures.checkVersions(repo);
    String xml =
        JUnitReport.render(
            result,
            List.of("apis/catalog/v2.yaml", "apis/orders/v1.yaml", "apis/users/v1.yaml"),
            false);

    Document doc = parse(xml);
    Element suite = doc.getDocumentElement();
    assertThat(suite.getTagName()).isEqualTo("testsuite");
    assertThat(suite.getAttribute("name")).isEqualTo("apistage.check-versions");
    assertThat(suite.getAttribute("tests")).isEqualTo("3");
    assertThat(suite.getAttribute("failures")).isEqualTo("1");
    NodeList cases = doc.getElementsByTagName("testcase");
    assertThat(cases.getLength()).isEqualTo(3);
    Element orders = (Element) cases.item(1);
    assertThat(orders.getAttribute("name")).isEqualTo("apis/orders/v1.yaml");
    assertThat(orders.getAttribute("classname")).isEqualTo("check-versions");
    Element failure = (Element) orders.getElementsByTagName("failure").item(0);
    assertThat(failure.getAttribute("type")).isEqualTo("endpoint-removed");
    assertThat(failure.getAttribute("message"))
        .startsWith(
            "1 problem in 1 file (1 error, 0 warnings): endpoint DELETE /orders/{id} removed");
    assertThat(failure.getTextContent()).isEqualTo(Fixtures.error(result).format() + "\n");
    Element catalog = (Element) cases.item(0);
    assertThat(catalog.getElementsByTagName("failure").getLength()).isZero();
    assertThat(catalog.getElementsByTagName("system-out").item(0).getTextContent())
        .isEqualTo(Fixtures.warning(result).format() + "\n");
    assertThat(((Element) cases.item(2)).getChildNodes().getLength()).isZero();
  }

  @Test
  void warningsFailTheirTestCaseWhenWarningsFailTheBuild() throws Exception {
    String xml = JUnitReport.render(Fixtures.checkVersions(repo), List.of(), true);

    Document doc = parse(xml);
    assertThat(doc.getDocumentElement().getAttribute("failures")).isEqualTo("2");
    assertThat(doc.getElementsByTagName("failure").getLength()).isEqualTo(2);
  }

  @Test
  void markupAndIllegalCharactersStayWellFormed() throws Exception {
    String message = "a <b> & \"c\" 'd'\u0001 ]]> end\nnext";
    Problem p = new Problem("apis/x&y/v1.yaml", 1, 1, "", "schema", Severity.ERROR, message);
    String xml =
        JUnitReport.render(
            new GoalResult(
                "validate", "VALIDATION_FAILED", "1", List.of(p), new ValidateReport(1, 1)),
            List.of(),
            false);

    Document doc = parse(xml);
    Element testcase = (Element) doc.getElementsByTagName("testcase").item(0);
    assertThat(testcase.getAttribute("name")).isEqualTo("apis/x&y/v1.yaml");
    Element failure = (Element) testcase.getElementsByTagName("failure").item(0);
    assertThat(failure.getAttribute("message")).endsWith("a <b> & \"c\" 'd'\uFFFD ]]> end\nnext");
    assertThat(failure.getTextContent()).contains("a <b> & \"c\" 'd'\uFFFD ]]> end\nnext");
  }

  static Document parse(String xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }
}
