package org.ecom.tsqlt;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * The outcome of a tSQLt run, read from the JUnit XML of {@code tSQLt.XmlResultFormatter}:
 * {@code <testsuites><testsuite name="class" ...><testcase classname="class" name="test ...">}
 * with a {@code <failure message=...>} (an assertion failed), an {@code <error message=...>} (the
 * test raised an error) or a {@code <skipped>} child, or none when the test passed.
 */
public record TestResults(List<TestCase> testCases) {

    public enum Outcome { PASSED, FAILED, ERROR, SKIPPED }

    /** One test procedure: {@code [className].[name]}. */
    public record TestCase(String className, String name, Outcome outcome, String message) {
        public String fullName() {
            return className + ".[" + name + "]";
        }
    }

    public static TestResults parse(String xml) {
        if (xml == null || xml.isBlank()) {
            return new TestResults(List.of());
        }
        Element root;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            root = builder.parse(new InputSource(new StringReader(xml))).getDocumentElement();
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalArgumentException("unreadable tSQLt result XML: " + e.getMessage(), e);
        }
        List<TestCase> cases = new ArrayList<>();
        NodeList nodes = root.getElementsByTagName("testcase");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element testCase = (Element) nodes.item(i);
            Outcome outcome = Outcome.PASSED;
            String message = "";
            for (Node child = testCase.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child instanceof Element element) {
                    Outcome found = switch (element.getTagName()) {
                        case "failure" -> Outcome.FAILED;
                        case "error" -> Outcome.ERROR;
                        case "skipped" -> Outcome.SKIPPED;
                        default -> null;
                    };
                    if (found != null) {
                        outcome = found;
                        message = element.getAttribute("message");
                        if (message.isEmpty()) {
                            message = element.getTextContent().strip();
                        }
                        break;
                    }
                }
            }
            cases.add(new TestCase(testCase.getAttribute("classname"), testCase.getAttribute("name"), outcome, message));
        }
        return new TestResults(List.copyOf(cases));
    }

    public int count(Outcome outcome) {
        return (int) testCases.stream().filter(t -> t.outcome() == outcome).count();
    }

    /** Failed or raised an error. */
    public List<TestCase> failures() {
        return testCases.stream().filter(t -> t.outcome() == Outcome.FAILED || t.outcome() == Outcome.ERROR).toList();
    }

    public boolean allPassed() {
        return !testCases.isEmpty() && failures().isEmpty();
    }

    /** "N passed, M failed", errors counted as failures, skipped tests mentioned when there are any. */
    public String summary() {
        int errors = count(Outcome.ERROR);
        int skipped = count(Outcome.SKIPPED);
        return count(Outcome.PASSED) + " passed, " + failures().size() + " failed"
                + (errors > 0 ? " (" + errors + (errors == 1 ? " with an error)" : " with errors)") : "")
                + (skipped > 0 ? ", " + skipped + " skipped" : "");
    }
}
