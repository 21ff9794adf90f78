package org.kotaku.portal.changes;

import java.io.StringWriter;
import java.time.Instant;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.kotaku.portal.ingest.batch.BatchReport;
import org.kotaku.portal.licence.Licence;

/**
 * Writes committed batches as an Atom 1.0 feed (RFC 4287): one entry per batch, newest
 * first, each linking to the records it changed
 * ({@code /api/v1/changes?since=<version - 1>}); the feed states the data licence as
 * {@code rights} and a {@code license} link (RFC 4946).
 */
final class AtomFeed {

	private static final String NS = "http://www.w3.org/2005/Atom";

	private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

	private AtomFeed() {
	}

	static String render(String base, List<BatchReport> batches, Licence licence) {
		StringWriter out = new StringWriter();
		try {
			XMLStreamWriter xml = XML.createXMLStreamWriter(out);
			xml.writeStartDocument("UTF-8", "1.0");
			xml.writeStartElement("feed");
			xml.writeDefaultNamespace(NS);
			element(xml, "id", "tag:kotaku-portal,2026:changes");
			element(xml, "title", "KOTAKU open data portal: data changes");
			element(xml, "rights", licence.attributionText() + "; " + licence.title() + " (" + licence.id() + ")");
			element(xml, "updated", (batches.isEmpty() ? Instant.EPOCH : batches.get(0).committedAt()).toString());
			link(xml, "self", base + "api/v1/changes.atom");
			link(xml, "alternate", base + "api/v1/changes");
			link(xml, Licence.REL, licence.url());
			for (BatchReport batch : batches) {
				entry(xml, base, batch);
			}
			xml.writeEndElement();
			xml.writeEndDocument();
			xml.close();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException(ex);
		}
		return out.toString();
	}

	private static void entry(XMLStreamWriter xml, String base, BatchReport batch) throws XMLStreamException {
		xml.writeStartElement("entry");
		element(xml, "id", "tag:kotaku-portal,2026:batch:" + batch.id());
		element(xml, "title", batch.dataset() + " updated to data version " + batch.dataVersion());
		element(xml, "updated", batch.committedAt().toString());
		xml.writeStartElement("author");
		element(xml, "name", batch.source());
		xml.writeEndElement();
		link(xml, "alternate", base + "api/v1/changes?since=" + (batch.dataVersion() - 1));
		element(xml, "summary",
				batch.rowsInserted() + " inserted, " + batch.rowsUpdated() + " updated, " + batch.rowsDeleted()
						+ " deleted, " + batch.rowsUnchanged() + " unchanged (" + batch.mode() + " of "
						+ batch.rowsReceived() + " rows from " + batch.source() + ")");
		xml.writeEndElement();
	}

	private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
		xml.writeStartElement(name);
		xml.writeCharacters(text);
		xml.writeEndElement();
	}

	private static void link(XMLStreamWriter xml, String rel, String href) throws XMLStreamException {
		xml.writeEmptyElement("link");
		xml.writeAttribute("rel", rel);
		xml.writeAttribute("href", href);
	}

}
