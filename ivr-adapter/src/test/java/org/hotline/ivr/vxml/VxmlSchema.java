package org.hotline.ivr.vxml;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.w3c.dom.Document;
import org.w3c.dom.ls.DOMImplementationLS;
import org.w3c.dom.ls.LSInput;
import org.xml.sax.InputSource;

/**
 * The W3C VoiceXML 2.1 schema for tests, read from {@code shared/vxml/} beside the checkout (found
 * by walking up from the working directory; {@code HOTLINE_VXML_SCHEMA_DIR} overrides). Includes and
 * the xml.xsd import resolve in the same folder, so validation never touches the network.
 * Shared with the server's tests through ivr-adapter's test jar.
 */
public final class VxmlSchema {
  private static Schema schema;

  private VxmlSchema() {}

  /** The folder holding vxml.xsd. */
  public static Path directory() {
    String configured = System.getenv("HOTLINE_VXML_SCHEMA_DIR");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path candidate = p.resolve("shared").resolve("vxml");
      if (Files.exists(candidate.resolve("vxml.xsd"))) {
        return candidate;
      }
    }
    throw new IllegalStateException("the VoiceXML 2.1 schema (shared/vxml/vxml.xsd beside the checkout) was not found"
        + " above " + Path.of("").toAbsolutePath() + "; set HOTLINE_VXML_SCHEMA_DIR");
  }

  public static synchronized Schema load() throws Exception {
    if (schema == null) {
      Path dir = directory();
      DOMImplementationLS ls = (DOMImplementationLS) DocumentBuilderFactory.newInstance().newDocumentBuilder()
          .getDOMImplementation();
      SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
      factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      factory.setResourceResolver((type, namespace, publicId, systemId, baseUri) -> {
        // vxml-*.xsd, grammar-core.xsd, ... and http://www.w3.org/2001/xml.xsd all live beside vxml.xsd.
        Path file = dir.resolve(systemId.substring(systemId.lastIndexOf('/') + 1));
        LSInput input = ls.createLSInput();
        try {
          input.setByteStream(Files.newInputStream(file));
        } catch (IOException e) {
          throw new UncheckedIOException("schema file missing: " + file, e);
        }
        input.setSystemId(file.toUri().toString());
        return input;
      });
      Path main = dir.resolve("vxml.xsd");
      schema = factory.newSchema(new StreamSource(Files.newInputStream(main), main.toUri().toString()));
    }
    return schema;
  }

  /** Validates a document against the schema (throwing SAXException when invalid) and parses it. */
  public static Document validated(String xml) throws Exception {
    Validator validator = load().newValidator();
    validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    validator.validate(new StreamSource(new StringReader(xml)));
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
  }
}
