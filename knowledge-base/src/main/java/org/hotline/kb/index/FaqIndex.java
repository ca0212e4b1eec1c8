package org.hotline.kb.index;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.hotline.kb.analysis.ChineseCharacters;
import org.hotline.kb.analysis.QuestionNormalizer;
import org.hotline.kb.analysis.TextAnalysis;
import org.hotline.kb.content.FaqEntry;
import org.hotline.kb.content.KnowledgeBaseContent;

/**
 * Two in-memory Lucene indexes over the content. The question index has one document per question
 * text (canonical or alternate) with three fields: smartcn words, character bigrams and pinyin
 * bigrams. The answer index has one document per entry (document number = entry ordinal) with the
 * character bigrams of its web answer, which reaches questions phrased like the answer. Two indexes
 * rather than one keep every field's norms dense, which Lucene reads much faster. Each searched
 * term's BM25 score in each document is read from them once ({@link TermImpacts}, by term id) and
 * each term's inverse document frequency with it; the Lucene indexes are then let go. Alongside:
 * the analysed terms of each question and each entry's vocabularies. Immutable once built;
 * thread-safe.
 */
public final class FaqIndex {
  /**
   * BM25 with full length normalisation (b = 1): a long alternate should not outscore a short one
   * just by containing more words (chosen on the development set: MRR 0.945 against 0.940 at the
   * default b = 0.75).
   */
  private static final BM25Similarity SIMILARITY = new BM25Similarity(1.2f, 1.0f);

  /** Field of the answer index. */
  public static final String ANSWER = "answer";

  private final FaqEntry[] entries;
  private final int[] ordinalOfQuestion;
  private final List<int[]> questionsOfEntry = new ArrayList<>();
  /** Per question field (words, bigrams, pinyin): the terms of each question as sorted term ids. */
  private final Map<String, TermDictionary> dictionaries = new HashMap<>();
  private final int[][] wordsOfQuestion;
  private final int[][] bigramsOfQuestion;
  private final int[][] pinyinOfQuestion;
  /** Field name of the per-character statistics (no Lucene field: features only). */
  public static final String CHARS = "chars";
  private final int[][] charsOfQuestion;
  /** Per entry: the pinyin, character and word ids of its answer, and its whole vocabularies. */
  private final List<Vocabularies> answerTermsOfEntry = new ArrayList<>();
  private final List<Vocabularies> vocabulariesOfEntry = new ArrayList<>();
  /**
   * Per searched field, every term's BM25 score in every document that has it, by term id: pinyin
   * ids for the questions, bigram ids for the answers.
   */
  private final TermImpacts.Postings[] pinyinPostings;
  private final TermImpacts.Postings[] answerPostings;
  /** Per question: the summed weight of its pinyin terms. */
  private final double[] pinyinWeightOfQuestion;
  /** A query's terms as ids in each field's dictionary. */
  private final QueryTermIds queryTermIds;

  public FaqIndex(KnowledgeBaseContent content, QuestionNormalizer normalizer, TextAnalysis analysis) {
    requireNonNull(content, "content");
    this.entries = content.entries().toArray(FaqEntry[]::new);
    List<Integer> questionOrdinals = new ArrayList<>();
    List<TextAnalysis.Terms> questionTerms = new ArrayList<>();
    List<Set<String>> vocabularies = new ArrayList<>();
    List<Set<String>> questionChars = new ArrayList<>();
    List<Set<String>> charVocabularies = new ArrayList<>();
    List<Set<String>> wordVocabularies = new ArrayList<>();
    List<Set<String>> bigramVocabularies = new ArrayList<>();
    List<TextAnalysis.Terms> answerTermsList = new ArrayList<>();
    List<Set<String>> answerChars = new ArrayList<>();
    Analyzer perField = new PerFieldAnalyzerWrapper(analysis.analyzer(TextAnalysis.WORDS), Map.of(
        TextAnalysis.BIGRAMS, analysis.analyzer(TextAnalysis.BIGRAMS),
        TextAnalysis.PINYIN, analysis.analyzer(TextAnalysis.PINYIN),
        ANSWER, analysis.analyzer(TextAnalysis.BIGRAMS)));
    ByteBuffersDirectory questionDir = new ByteBuffersDirectory();
    ByteBuffersDirectory answerDir = new ByteBuffersDirectory();
    try (IndexWriter questionWriter = writer(questionDir, perField);
        IndexWriter answerWriter = writer(answerDir, perField)) {
      for (int ordinal = 0; ordinal < entries.length; ordinal++) {
        FaqEntry entry = entries[ordinal];
        Set<String> vocabulary = new HashSet<>();
        Set<String> charVocabulary = new HashSet<>();
        Set<String> wordVocabulary = new HashSet<>();
        Set<String> bigramVocabulary = new HashSet<>();
        List<String> texts = entry.allQuestions();
        int[] docs = new int[texts.size()];
        for (int i = 0; i < docs.length; i++) {
          String text = normalizer.normalize(texts.get(i));
          Document doc = new Document();
          doc.add(new TextField(TextAnalysis.WORDS, text, Field.Store.NO));
          doc.add(new TextField(TextAnalysis.BIGRAMS, text, Field.Store.NO));
          doc.add(new TextField(TextAnalysis.PINYIN, text, Field.Store.NO));
          TextAnalysis.Terms terms = analysis.analyze(text);
          String ownWording = normalizer.normalizeWithoutSynonyms(texts.get(i));
          if (!ownWording.equals(text)) {
            // The synonym-free wording too, by sound: a misheard 消协 (消鞋) still meets it.
            doc.add(new TextField(TextAnalysis.PINYIN, ownWording, Field.Store.NO));
            Set<String> pinyin = new java.util.LinkedHashSet<>(terms.pinyin());
            pinyin.addAll(analysis.analyze(ownWording).pinyin());
            terms = new TextAnalysis.Terms(terms.words(), terms.bigrams(), pinyin);
          }
          questionWriter.addDocument(doc);
          docs[i] = questionOrdinals.size();
          questionOrdinals.add(ordinal);
          questionTerms.add(terms);
          vocabulary.addAll(terms.pinyin());
          wordVocabulary.addAll(terms.words());
          bigramVocabulary.addAll(terms.bigrams());
          Set<String> chars = ChineseCharacters.distinctHan(text);
          questionChars.add(chars);
          charVocabulary.addAll(chars);
        }
        String answer = normalizer.normalize(entry.answer());
        Document doc = new Document();
        doc.add(new TextField(ANSWER, answer, Field.Store.NO));
        answerWriter.addDocument(doc);
        TextAnalysis.Terms answerTerms = analysis.analyze(answer);
        vocabulary.addAll(answerTerms.pinyin());
        wordVocabulary.addAll(answerTerms.words());
        bigramVocabulary.addAll(answerTerms.bigrams());
        Set<String> charsOfAnswer = ChineseCharacters.distinctHan(answer);
        charVocabulary.addAll(charsOfAnswer);
        answerTermsList.add(answerTerms);
        answerChars.add(charsOfAnswer);
        questionsOfEntry.add(docs);
        vocabularies.add(vocabulary);
        charVocabularies.add(charVocabulary);
        wordVocabularies.add(wordVocabulary);
        bigramVocabularies.add(bigramVocabulary);
      }
      questionWriter.forceMerge(1);
      answerWriter.forceMerge(1);
    } catch (IOException e) {
      throw new UncheckedIOException("building the in-memory index failed", e);
    }
    Map<String, Map<String, Float>> idfByField = new HashMap<>();
    Map<String, TermImpacts> impactsByField = new HashMap<>();
    int questionDocs;
    try {
      // Words and bigrams are indexed for their statistics (feature weights); only pinyin and the
      // answers are searched, so only they get their scores read.
      questionDocs = readStatistics(questionDir, Set.of(TextAnalysis.PINYIN), idfByField, impactsByField,
          TextAnalysis.WORDS, TextAnalysis.BIGRAMS, TextAnalysis.PINYIN);
      readStatistics(answerDir, Set.of(ANSWER), idfByField, impactsByField, ANSWER);
    } catch (IOException e) {
      throw new UncheckedIOException("opening the in-memory index failed", e);
    }
    this.ordinalOfQuestion = questionOrdinals.stream().mapToInt(Integer::intValue).toArray();
    Map<String, int[][]> termsOfQuestion = new HashMap<>();
    for (String field : List.of(TextAnalysis.WORDS, TextAnalysis.BIGRAMS, TextAnalysis.PINYIN)) {
      Set<String> extra = new HashSet<>();
      if (field.equals(TextAnalysis.PINYIN)) {
        vocabularies.forEach(extra::addAll);
      } else if (field.equals(TextAnalysis.WORDS)) {
        wordVocabularies.forEach(extra::addAll);
      } else {
        bigramVocabularies.forEach(extra::addAll);
      }
      TermDictionary dictionary = new TermDictionary(idfByField.get(field), idf(questionDocs, 0), extra);
      int[][] perQuestion = new int[questionTerms.size()][];
      for (int doc = 0; doc < perQuestion.length; doc++) {
        perQuestion[doc] = dictionary.sortedIds(field(questionTerms.get(doc), field));
      }
      dictionaries.put(field, dictionary);
      termsOfQuestion.put(field, perQuestion);
    }
    wordsOfQuestion = termsOfQuestion.get(TextAnalysis.WORDS);
    bigramsOfQuestion = termsOfQuestion.get(TextAnalysis.BIGRAMS);
    pinyinOfQuestion = termsOfQuestion.get(TextAnalysis.PINYIN);
    Map<String, Integer> charDf = new HashMap<>();
    questionChars.forEach(chars -> chars.forEach(c -> charDf.merge(c, 1, Integer::sum)));
    Map<String, Float> charIdf = new HashMap<>();
    charDf.forEach((c, df) -> charIdf.put(c, idf(questionChars.size(), df)));
    Set<String> allChars = new HashSet<>();
    charVocabularies.forEach(allChars::addAll);
    TermDictionary charDictionary = new TermDictionary(charIdf, idf(questionChars.size(), 0), allChars);
    dictionaries.put(CHARS, charDictionary);
    charsOfQuestion = questionChars.stream().map(charDictionary::sortedIds).toArray(int[][]::new);
    TermDictionary words = dictionaries.get(TextAnalysis.WORDS);
    TermDictionary pinyin = dictionaries.get(TextAnalysis.PINYIN);
    TermDictionary bigrams = dictionaries.get(TextAnalysis.BIGRAMS);
    queryTermIds = new QueryTermIds(words, bigrams, pinyin, charDictionary);
    pinyinPostings = byId(impactsByField.get(TextAnalysis.PINYIN), pinyin);
    answerPostings = byId(impactsByField.get(ANSWER), bigrams);
    pinyinWeightOfQuestion = java.util.Arrays.stream(pinyinOfQuestion)
        .mapToDouble(pinyin::totalWeight)
        .toArray();
    for (int ordinal = 0; ordinal < entries.length; ordinal++) {
      vocabulariesOfEntry.add(new Vocabularies(
          TermSet.of(pinyin.sortedIds(vocabularies.get(ordinal))),
          TermSet.of(charDictionary.sortedIds(charVocabularies.get(ordinal))),
          TermSet.of(words.sortedIds(wordVocabularies.get(ordinal))),
          TermSet.of(bigrams.sortedIds(bigramVocabularies.get(ordinal)))));
      answerTermsOfEntry.add(new Vocabularies(
          TermSet.of(pinyin.sortedIds(answerTermsList.get(ordinal).pinyin())),
          TermSet.of(charDictionary.sortedIds(answerChars.get(ordinal))),
          TermSet.of(words.sortedIds(answerTermsList.get(ordinal).words())),
          TermSet.of(bigrams.sortedIds(answerTermsList.get(ordinal).bigrams()))));
    }
  }

  /** A field's postings indexed by term id; every indexed term has an id (same analysis). */
  private static TermImpacts.Postings[] byId(TermImpacts impacts, TermDictionary dictionary) {
    TermImpacts.Postings[] out = new TermImpacts.Postings[dictionary.size()];
    impacts.forEach((term, postings) -> {
      int id = dictionary.id(term);
      if (id < 0) {
        throw new IllegalStateException("indexed term without an id: " + term);
      }
      out[id] = postings;
    });
    return out;
  }

  /**
   * The pinyin bigrams, characters, smartcn words and character bigrams of all an entry's questions and its answer,
   * as sets of term ids.
   */
  public record Vocabularies(TermSet pinyin, TermSet chars, TermSet words, TermSet bigrams) {}

  private static Set<String> field(TextAnalysis.Terms terms, String field) {
    return switch (field) {
      case TextAnalysis.WORDS -> terms.words();
      case TextAnalysis.BIGRAMS -> terms.bigrams();
      default -> terms.pinyin();
    };
  }

  private static IndexWriter writer(ByteBuffersDirectory dir, Analyzer analyzer) throws IOException {
    return new IndexWriter(dir,
        new IndexWriterConfig(analyzer).setRAMBufferSizeMB(256).setSimilarity(SIMILARITY));
  }

  /**
   * Reads each field's inverse document frequencies, and the BM25 scores of the {@code searched}
   * fields, from a single-segment index; returns its number of documents.
   */
  private static int readStatistics(ByteBuffersDirectory dir, Set<String> searched,
      Map<String, Map<String, Float>> idfByField, Map<String, TermImpacts> impactsByField,
      String... fields) throws IOException {
    try (DirectoryReader reader = DirectoryReader.open(dir)) {
      LeafReader leaf = reader.leaves().get(0).reader();
      int docCount = reader.maxDoc();
      IndexSearcher searcher = new IndexSearcher(reader);
      searcher.setSimilarity(SIMILARITY);
      searcher.setQueryCache(null); // term queries over an in-memory index gain nothing from it
      for (String field : fields) {
        Map<String, Float> idf = new HashMap<>();
        org.apache.lucene.index.Terms terms = leaf.terms(field);
        if (terms != null) {
          TermsEnum it = terms.iterator();
          BytesRef term;
          while ((term = it.next()) != null) {
            String text = term.utf8ToString();
            idf.put(text, idf(docCount, it.docFreq()));
          }
        }
        idfByField.put(field, idf);
        if (searched.contains(field)) {
          impactsByField.put(field, TermImpacts.read(searcher, field));
        }
      }
      return docCount;
    }
  }

  private static float idf(int docCount, int docFreq) {
    return (float) Math.log(1 + (docCount - docFreq + 0.5) / (docFreq + 0.5));
  }

  public FaqEntry entry(int ordinal) {
    return entries[ordinal];
  }

  /** The ordinal of one of this index's entries (the same instance), or -1. */
  public int ordinalOf(FaqEntry entry) {
    for (int ordinal = 0; ordinal < entries.length; ordinal++) {
      if (entries[ordinal] == entry) {
        return ordinal;
      }
    }
    return -1;
  }

  /** The ordinal of the entry a question document belongs to. */
  public int entryOfQuestion(int doc) {
    return ordinalOfQuestion[doc];
  }

  /** The terms of a question document in a question field, as sorted term ids. */
  public int[] termsOfQuestion(String field, int doc) {
    return switch (field) { // read for every question of every candidate: no map lookup
      case TextAnalysis.WORDS -> wordsOfQuestion[doc];
      case TextAnalysis.BIGRAMS -> bigramsOfQuestion[doc];
      case TextAnalysis.PINYIN -> pinyinOfQuestion[doc];
      default -> throw new IllegalArgumentException("not a question field: " + field);
    };
  }

  /** The term ids and weights of one question field. */
  public TermDictionary dictionary(String field) {
    return dictionaries.get(field);
  }

  /** The question documents of an entry, by entry ordinal. */
  public int[] questionsOf(int ordinal) {
    return questionsOfEntry.get(ordinal);
  }

  /** The characters of a question document, as sorted term ids. */
  public int[] charsOfQuestion(int doc) {
    return charsOfQuestion[doc];
  }

  /** The vocabularies of all an entry's questions and its answer. */
  public Vocabularies vocabularies(int ordinal) {
    return vocabulariesOfEntry.get(ordinal);
  }

  /**
   * The vocabularies of a question's entry as if that question were not in it: its other
   * questions and its answer. For leave-one-out calibration, where a question of the content plays
   * an unseen user question; built on each call.
   */
  public Vocabularies vocabulariesWithout(int doc) {
    int ordinal = entryOfQuestion(doc);
    Vocabularies answer = answerTermsOfEntry.get(ordinal);
    TermSet.Builder pinyin = TermSet.builder().addAll(answer.pinyin());
    TermSet.Builder chars = TermSet.builder().addAll(answer.chars());
    TermSet.Builder words = TermSet.builder().addAll(answer.words());
    TermSet.Builder bigrams = TermSet.builder().addAll(answer.bigrams());
    for (int other : questionsOf(ordinal)) {
      if (other != doc) {
        pinyin.addAll(termsOfQuestion(TextAnalysis.PINYIN, other));
        chars.addAll(charsOfQuestion(other));
        words.addAll(termsOfQuestion(TextAnalysis.WORDS, other));
        bigrams.addAll(termsOfQuestion(TextAnalysis.BIGRAMS, other));
      }
    }
    return new Vocabularies(pinyin.build(), chars.build(), words.build(), bigrams.build());
  }

  /**
   * A term's scores in a searched field, by term id (pinyin ids for {@link TextAnalysis#PINYIN},
   * bigram ids for {@link #ANSWER}); null when no document of the field has it.
   */
  public TermImpacts.Postings postings(String field, int termId) {
    TermImpacts.Postings[] postings = field.equals(ANSWER) ? answerPostings : pinyinPostings;
    return termId < 0 ? null : postings[termId];
  }

  /** The summed weight of a question's pinyin terms. */
  public double pinyinWeightOfQuestion(int doc) {
    return pinyinWeightOfQuestion[doc];
  }

  /** Reads a query's terms as ids in each field's dictionary. */
  public QueryTermIds queryTermIds() {
    return queryTermIds;
  }

  /** Number of question documents. */
  public int questionCount() {
    return ordinalOfQuestion.length;
  }

  public int entryCount() {
    return entries.length;
  }
}
