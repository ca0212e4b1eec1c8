package org.hotline.kb.index;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.hotline.kb.analysis.QuestionNormalizer;
import org.hotline.kb.analysis.TextAnalysis;
import org.hotline.kb.content.FaqEntry;
import org.hotline.kb.content.KnowledgeBaseContent;

/**
 * An in-memory Lucene index with one document per question text (canonical or alternate) of every
 * entry, over three fields: smartcn words, character bigrams and pinyin bigrams. Alongside it, the
 * analysed terms of each document and each term's inverse document frequency, used to compute how
 * much of a query a document covers. Immutable once built; thread-safe.
 */
public final class FaqIndex {
  private final IndexSearcher searcher;
  /** Field of the answer documents: character bigrams of an entry's web answer. */
  public static final String ANSWER = "answer";

  private final FaqEntry[] entryOfDoc;
  private final TextAnalysis.Terms[] termsOfDoc;
  private final boolean[] answerDoc;
  private final Map<String, List<Integer>> questionDocsOfEntry = new HashMap<>();
  private final Map<String, java.util.Set<String>> vocabularyOfEntry = new HashMap<>();
  private final Map<String, Map<String, Float>> idfByField = new HashMap<>();
  private final float[] unseenIdf = new float[4];
  private final int docCount;

  public FaqIndex(KnowledgeBaseContent content, QuestionNormalizer normalizer, TextAnalysis analysis) {
    requireNonNull(content, "content");
    List<FaqEntry> entries = new ArrayList<>();
    List<TextAnalysis.Terms> terms = new ArrayList<>();
    List<Boolean> isAnswer = new ArrayList<>();
    ByteBuffersDirectory directory = new ByteBuffersDirectory();
    Analyzer perField =
        new PerFieldAnalyzerWrapper(
            analysis.analyzer(TextAnalysis.WORDS),
            Map.of(
                TextAnalysis.BIGRAMS, analysis.analyzer(TextAnalysis.BIGRAMS),
                ANSWER, analysis.analyzer(TextAnalysis.BIGRAMS),
                TextAnalysis.PINYIN, analysis.analyzer(TextAnalysis.PINYIN)));
    IndexWriterConfig config = new IndexWriterConfig(perField).setRAMBufferSizeMB(256);
    try (IndexWriter writer = new IndexWriter(directory, config)) {
      for (FaqEntry entry : content.entries()) {
        java.util.Set<String> vocabulary = new java.util.HashSet<>();
        List<Integer> questionDocs = new ArrayList<>();
        for (String question : entry.allQuestions()) {
          String text = normalizer.normalize(question);
          Document doc = new Document();
          doc.add(new StoredField("faqId", entry.id()));
          doc.add(new TextField(TextAnalysis.WORDS, text, Field.Store.NO));
          doc.add(new TextField(TextAnalysis.BIGRAMS, text, Field.Store.NO));
          doc.add(new TextField(TextAnalysis.PINYIN, text, Field.Store.NO));
          writer.addDocument(doc);
          questionDocs.add(entries.size());
          entries.add(entry);
          TextAnalysis.Terms questionTerms = analysis.analyze(text);
          terms.add(questionTerms);
          isAnswer.add(false);
          vocabulary.addAll(questionTerms.pinyin());
        }
        // The answer's wording reaches questions phrased like the answer rather than the question.
        String answer = normalizer.normalize(entry.answer());
        Document doc = new Document();
        doc.add(new StoredField("faqId", entry.id()));
        doc.add(new TextField(ANSWER, answer, Field.Store.NO));
        writer.addDocument(doc);
        entries.add(entry);
        TextAnalysis.Terms answerTerms = analysis.analyze(answer);
        terms.add(answerTerms);
        isAnswer.add(true);
        vocabulary.addAll(answerTerms.pinyin());
        questionDocsOfEntry.put(entry.id(), List.copyOf(questionDocs));
        vocabularyOfEntry.put(entry.id(), java.util.Set.copyOf(vocabulary));
      }
      writer.forceMerge(1);
    } catch (IOException e) {
      throw new UncheckedIOException("building the in-memory index failed", e);
    }
    try {
      DirectoryReader reader = DirectoryReader.open(directory);
      this.searcher = new IndexSearcher(reader);
      this.docCount = reader.maxDoc();
      loadIdf(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("opening the in-memory index failed", e);
    }
    this.entryOfDoc = entries.toArray(FaqEntry[]::new);
    this.termsOfDoc = terms.toArray(TextAnalysis.Terms[]::new);
    this.answerDoc = new boolean[isAnswer.size()];
    for (int i = 0; i < answerDoc.length; i++) {
      answerDoc[i] = isAnswer.get(i);
    }
  }

  /** Whether the document is an entry's answer rather than one of its questions. */
  public boolean isAnswer(int doc) {
    return answerDoc[doc];
  }

  /** The question documents of an entry. */
  public List<Integer> questionDocs(String entryId) {
    return questionDocsOfEntry.get(entryId);
  }

  /** The pinyin bigrams of all an entry's questions and its answer. */
  public java.util.Set<String> vocabulary(String entryId) {
    return vocabularyOfEntry.get(entryId);
  }

  private void loadIdf(DirectoryReader reader) throws IOException {
    LeafReader leaf = reader.leaves().get(0).reader();
    String[] fields = {TextAnalysis.WORDS, TextAnalysis.BIGRAMS, TextAnalysis.PINYIN, ANSWER};
    for (int f = 0; f < fields.length; f++) {
      Map<String, Float> idf = new HashMap<>();
      org.apache.lucene.index.Terms terms = leaf.terms(fields[f]);
      if (terms != null) {
        TermsEnum it = terms.iterator();
        BytesRef term;
        while ((term = it.next()) != null) {
          idf.put(term.utf8ToString(), idf(it.docFreq()));
        }
      }
      idfByField.put(fields[f], idf);
      unseenIdf[f] = idf(0);
    }
  }

  private float idf(int docFreq) {
    return (float) Math.log(1 + (docCount - docFreq + 0.5) / (docFreq + 0.5));
  }

  public IndexSearcher searcher() {
    return searcher;
  }

  public FaqEntry entryOf(int doc) {
    return entryOfDoc[doc];
  }

  public TextAnalysis.Terms termsOf(int doc) {
    return termsOfDoc[doc];
  }

  /** Inverse document frequency of a term; terms the content never uses weigh the most. */
  public float idf(String field, String term) {
    Float idf = idfByField.get(field).get(term);
    if (idf != null) {
      return idf;
    }
    return switch (field) {
      case TextAnalysis.WORDS -> unseenIdf[0];
      case TextAnalysis.BIGRAMS -> unseenIdf[1];
      case TextAnalysis.PINYIN -> unseenIdf[2];
      default -> unseenIdf[3];
    };
  }

  /** Whether the field's vocabulary contains the term at all. */
  public boolean knows(String field, String term) {
    return idfByField.get(field).containsKey(term);
  }

  public int size() {
    return docCount;
  }
}
