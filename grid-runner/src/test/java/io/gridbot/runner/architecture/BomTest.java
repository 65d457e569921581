package io.gridbot.runner.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * gridbot-bom lists every gridbot artifact at the reactor's version and carries the same Central metadata
 * as the parent it cannot inherit from.
 */
class BomTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private final XPath xpath = XPathFactory.newInstance().newXPath();

    @Test
    void theBomListsEveryModuleAndEveryAttachedGridbotArtifactAtTheProjectVersion() throws Exception {
        Document parent = read(ROOT.resolve("pom.xml"));
        Document bom = read(ROOT.resolve("gridbot-bom/pom.xml"));

        List<String> listed = texts(bom, "/project/dependencyManagement/dependencies/dependency"
                + "[groupId='io.gridbot']/concat(artifactId, ':', type)");
        List<String> modules = texts(parent, "/project/modules/module").stream()
                .filter(m -> !m.equals("gridbot-bom")).map(m -> m + ":").toList();
        List<String> managed = texts(parent, "/project/dependencyManagement/dependencies/dependency"
                + "[groupId='io.gridbot']/concat(artifactId, ':', type)");

        assertThat(listed).containsAll(modules).containsAll(managed).doesNotHaveDuplicates();
        assertThat(texts(bom, "/project/dependencyManagement/dependencies/dependency/version"))
                .containsOnly("${project.version}");
        assertThat(text(bom, "/project/version")).isEqualTo(text(parent, "/project/version"));
        assertThat(text(bom, "/project/groupId")).isEqualTo(text(parent, "/project/groupId"));
    }

    @Test
    void theBomCarriesTheParentsCentralMetadata() throws Exception {
        Document parent = read(ROOT.resolve("pom.xml"));
        Document bom = read(ROOT.resolve("gridbot-bom/pom.xml"));

        for (String field : List.of("url", "inceptionYear", "organization", "licenses", "developers", "scm",
                "issueManagement")) {
            assertThat(text(bom, "normalize-space(/project/" + field + ")")).as(field)
                    .isNotEmpty().isEqualTo(text(parent, "normalize-space(/project/" + field + ")"));
        }
        assertThat(text(bom, "/project/packaging")).isEqualTo("pom");
        assertThat(text(bom, "count(/project/parent)")).isEqualTo("0");
    }

    private static Document read(Path pom) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
    }

    private String text(Document doc, String expression) throws Exception {
        return xpath.evaluate(expression, doc);
    }

    private List<String> texts(Document doc, String expression) throws Exception {
        List<String> values = new ArrayList<>();
        if (expression.contains("concat(")) {
            int slash = expression.lastIndexOf("/concat(");
            NodeList nodes = (NodeList) xpath.evaluate(expression.substring(0, slash), doc, XPathConstants.NODESET);
            String each = expression.substring(slash + 1);
            for (int i = 0; i < nodes.getLength(); i++) {
                values.add(xpath.evaluate(each, nodes.item(i)));
            }
            return values;
        }
        NodeList nodes = (NodeList) xpath.evaluate(expression, doc, XPathConstants.NODESET);
        for (int i = 0; i < nodes.getLength(); i++) {
            values.add(nodes.item(i).getTextContent().strip());
        }
        return values;
    }
}
