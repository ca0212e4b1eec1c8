package org.hotline.kb.ranking;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.hotline.kb.analysis.TextAnalysis;
import org.hotline.kb.index.FaqIndex;
import org.hotline.kb.index.ImpactSearch;
import org.hotline.kb.index.QueryTermIds;
import org.hotline.kb.index.TermImpacts;

/**
 * Finds the entries that best match a normalised question: BM25 (Lucene's scores, summed from
 * {@link TermImpacts}) over the questions' pinyin bigrams and the answers' character bigrams, hits
 * grouped by entry (best question plus answer); the leading entries, and the {@link
 * EntryClassifier}'s two most probable ones, are then re-scored by the {@link ConfidenceModel}'s
 * match model from how much of the query their questions, and their whole vocabulary, cover in
 * sounds, words, bigrams and characters, and from the classifier's probability for them.
 * Immutable; thread-safe.
 */
public final class CandidateRanker {
  /**
   * Question hits read before grouping by entry. With the classifier's entries scored too, 30 hits
   * and 4 entries rank the development set as 50 and 6 did (and cost a tenth less).
   */
  private static final int QUESTION_HITS = 30;
  /** Answer hits read. */
  private static final int ANSWER_HITS = 10;
  /** Entries kept after grouping and scored by the model. */
  private static final int ENTRIES = 4;
  /**
   * The classifier's most probable entries, scored by the model too when the search did not keep
   * them: a long question full of generic phrases (本人…应如何处理) can bury the entry whose topic
   * word it names under entries with short questions sharing the phrases.
   */
  private static final int CLASSIFIER_ENTRIES = 2;

  private static final float PINYIN_BOOST = 1.0f;
  /** The answer's wording counts for a fifth of a question's. */
  private static final float ANSWER_BOOST = 0.2f;
  /** Matched rarity at which the evidence feature saturates: about four rare bigrams. */
  private static final double EVIDENCE_SCALE = 30;
  /** Query information (summed rarity of its pinyin bigrams) below which shares are discounted. */
  private static final double INFORMATION_SCALE = 25;

  private final FaqIndex index;
  private final ConfidenceModel model;
  private final EntryClassifier classifier;

  public CandidateRanker(FaqIndex index, ConfidenceModel model) {
    this.index = requireNonNull(index, "index");
    this.classifier = new EntryClassifier(index, TextAnalysis.PINYIN, TextAnalysis.WORDS);
    this.model = requireNonNull(model, "model");
  }

  public ConfidenceModel model() {
    return model;
  }

  /** Candidates for a normalised question, most confident first; empty when nothing matches. */
  public List<Candidate> rank(String normalized) {
    return rank(normalized, -1);
  }

  /**
   * Candidates as if one question document were not in the index: it is never a hit and its
   * words leave its entry's vocabulary. Leave-one-out calibration ranks each question of the
   * content this way, as a stand-in for a user question the content has not seen.
   */
  public List<Candidate> rankLeavingOut(String normalized, int excludedDoc) {
    return rank(normalized, excludedDoc);
  }

  private List<Candidate> rank(String normalized, int excludedDoc) {
    QueryTermIds ids = index.queryTermIds();
    QueryTerms words = new QueryTerms(index.dictionary(TextAnalysis.WORDS), ids.words(normalized, QueryTerms.MAX_TERMS));
    QueryTerms bigrams = new QueryTerms(index.dictionary(TextAnalysis.BIGRAMS), ids.bigrams(normalized, QueryTerms.MAX_TERMS));
    QueryTerms pinyin = new QueryTerms(index.dictionary(TextAnalysis.PINYIN), ids.pinyin(normalized, QueryTerms.MAX_TERMS));
    QueryTerms chars = new QueryTerms(index.dictionary(FaqIndex.CHARS), ids.chars(normalized, QueryTerms.MAX_TERMS));
    // Retrieval runs on pinyin bigrams alone: they match everything the character bigrams match
    // plus homophones. Words and character bigrams still count, as features of the candidates.
    ImpactSearch.Hits questionHits = search(TextAnalysis.PINYIN, pinyin, PINYIN_BOOST,
        excludedDoc < 0 ? QUESTION_HITS : QUESTION_HITS + 1);
    ImpactSearch.Hits answerHits = search(FaqIndex.ANSWER, bigrams, ANSWER_BOOST, ANSWER_HITS);

    // Entry score: its best question's score plus its answer's score.
    EntryScores entries = EntryScores.forThread(index.entryCount());
    for (int i = 0; i < questionHits.size(); i++) {
      int doc = questionHits.docs()[i];
      if (doc != excludedDoc) {
        entries.addQuestion(index.entryOfQuestion(doc), questionHits.scores()[i]); // best first
      }
    }
    for (int i = 0; i < answerHits.size(); i++) {
      entries.addAnswer(answerHits.docs()[i], answerHits.scores()[i]);
    }
    float bestQuestion = questionHits.size() == 0 ? 0 : questionHits.scores()[0];
    float bestAnswer = answerHits.size() == 0 ? 0 : answerHits.scores()[0];
    if (entries.count() == 0) {
      return List.of();
    }
    int[] touched = entries.byScore();
    EntryClassifier.Posteriors classified =
        classifier.posteriors(new QueryTerms[] {pinyin, words}, excludedDoc, CLASSIFIER_ENTRIES);
    int[] kept = java.util.Arrays.copyOf(touched, Math.min(ENTRIES, touched.length) + classified.leaders().length);
    int keptCount = Math.min(ENTRIES, touched.length);
    for (int ordinal : classified.leaders()) {
      if (!contains(kept, keptCount, ordinal)) {
        kept[keptCount++] = ordinal;
      }
    }
    float best = entries.score(touched[0]);
    float second = touched.length > 1 ? entries.score(touched[1]) : 0;
    List<Candidate> candidates = new ArrayList<>(keptCount);
    // A query that says little (呵呵呵, 几点了) cannot be fully covered: shares are discounted by
    // how much information the query carries, up to a typical question's worth.
    double information = Math.min(1, pinyin.totalWeight() / INFORMATION_SCALE);
    double known = pinyin.knownShare();
    // Per-question coverages the match model gives no weight are left at 0 when serving (each is
    // a pass over the question's terms); leave-one-out calibration needs them all.
    boolean all = excludedDoc >= 0;
    boolean perQuestionBigrams = all || model.weighs(Features.BIGRAM_COVERAGE);
    boolean perQuestionWords = all || model.weighs(Features.WORD_COVERAGE);
    boolean perQuestionChars = all || model.weighs(Features.CHAR_COVERAGE);
    for (int k = 0; k < keptCount; k++) {
      int ordinal = kept[k];
      // Score against the strongest rival, halved into [0,1]: 0.5 means a tie with it; the leader
      // gets more the further it is ahead.
      float rival = ordinal == touched[0] ? second : best;
      double relative = rival == 0 ? 1 : Math.min(2, entries.score(ordinal) / rival) / 2;
      FaqIndex.Vocabularies entryVocabularies = excludedDoc >= 0 && index.entryOfQuestion(excludedDoc) == ordinal
          ? index.vocabulariesWithout(excludedDoc)
          : index.vocabularies(ordinal);
      double vocabulary = information * pinyin.coverage(entryVocabularies.pinyin());
      double charVocabulary = information * chars.coverage(entryVocabularies.chars());
      double wordVocabulary = information * words.coverage(entryVocabularies.words());
      double bigramVocabulary = information * bigrams.coverage(entryVocabularies.bigrams());
      double answerRelative = bestAnswer == 0 ? 0 : entries.answerScore(ordinal) / bestAnswer;
      double questionRelative = bestQuestion == 0 ? 0 : Math.min(1, entries.questionScore(ordinal) / bestQuestion);
      // Features for the entry's questions that Lucene found; all of them if only its answer matched.
      int[] docs = hitQuestionsOf(ordinal, questionHits, excludedDoc);
      if (docs.length == 0) {
        docs = index.questionsOf(ordinal);
        if (excludedDoc >= 0) {
          docs = java.util.Arrays.stream(docs).filter(doc -> doc != excludedDoc).toArray();
        }
      }
      // Each question's matched pinyin weight, read once: for the agreement, the mean pinyin
      // coverage of the entry's three best-covering questions (a paraphrase tends to meet several
      // of an entry's wordings, a chance match one), and for each question's own features.
      double[] matched = new double[docs.length];
      double best1 = 0, best2 = 0, best3 = 0;
      for (int i = 0; i < docs.length; i++) {
        matched[i] = pinyin.matchedWeight(index.termsOfQuestion(TextAnalysis.PINYIN, docs[i]));
        double c = pinyin.totalWeight() == 0 ? 0 : matched[i] / pinyin.totalWeight();
        if (c > best1) {
          best3 = best2;
          best2 = best1;
          best1 = c;
        } else if (c > best2) {
          best3 = best2;
          best2 = c;
        } else if (c > best3) {
          best3 = c;
        }
      }
      double agreement = information * (best1 + best2 + best3) / 3;
      // The entry's best question by the inputs that vary between its questions (the others are
      // the entry's own), kept in locals, then its features once: no record per question.
      double bestPart = Double.NEGATIVE_INFINITY;
      double bestPinyin = 0, bestBigram = 0, bestWord = 0, bestPrecision = 0, bestEvidence = 0, bestChar = 0;
      for (int i = 0; i < docs.length; i++) {
        int doc = docs[i];
        double pinyinCoverage = information * (pinyin.totalWeight() == 0 ? 0 : matched[i] / pinyin.totalWeight());
        double bigramCoverage = perQuestionBigrams
            ? information * bigrams.coverage(index.termsOfQuestion(TextAnalysis.BIGRAMS, doc)) : 0;
        double wordCoverage = perQuestionWords
            ? information * words.coverage(index.termsOfQuestion(TextAnalysis.WORDS, doc)) : 0;
        // What share of what the question says the query also says (the same weights as matched).
        double docPinyinWeight = index.pinyinWeightOfQuestion(doc);
        double pinyinPrecision = docPinyinWeight == 0 ? 0 : matched[i] / docPinyinWeight;
        double evidence = Math.min(1, matched[i] / EVIDENCE_SCALE);
        double charCoverage = perQuestionChars ? information * chars.coverage(index.charsOfQuestion(doc)) : 0;
        double part = model.questionPart(
            pinyinCoverage, bigramCoverage, wordCoverage, pinyinPrecision, evidence, charCoverage);
        if (part > bestPart) {
          bestPart = part;
          bestPinyin = pinyinCoverage;
          bestBigram = bigramCoverage;
          bestWord = wordCoverage;
          bestPrecision = pinyinPrecision;
          bestEvidence = evidence;
          bestChar = charCoverage;
        }
      }
      Features features = new Features(
          bestPinyin,
          bestBigram,
          bestWord,
          bestPrecision,
          relative,
          vocabulary,
          bestEvidence,
          bestChar,
          charVocabulary,
          wordVocabulary,
          agreement,
          answerRelative,
          bigramVocabulary,
          questionRelative,
          known,
          classified.probability(ordinal));
      Candidate bestOfEntry = new Candidate(index.entry(ordinal), model.match(features), features);
      candidates.add(bestOfEntry);
    }
    candidates.sort(Comparator.comparingDouble(Candidate::confidence).reversed());
    return candidates;
  }

  /**
   * For a short query (less information than {@link #INFORMATION_SCALE}: a keyword or two such as
   * 挂失 or 征信异议), the candidates whose entry uses every one of its pinyin bigrams somewhere, in
   * the candidates' order. Coverage discounted for so little information keeps such a query below
   * the answer and suggestion thresholds, yet these entries are what the caller may mean. A query
   * of one pinyin bigram must match in characters too: two syllables meet some entry by sound
   * alone too easily (天气 sounds like the 天期 of 二十天期限); three or more in a row are specific
   * enough for a recogniser's homophones (争信异议) to find their entry. Empty for a longer query.
   */
  public List<Candidate> coveringShortQuery(String normalized, List<Candidate> candidates) {
    QueryTermIds ids = index.queryTermIds();
    QueryTerms pinyin = new QueryTerms(index.dictionary(TextAnalysis.PINYIN), ids.pinyin(normalized, QueryTerms.MAX_TERMS));
    if (pinyin.size() == 0 || pinyin.totalWeight() >= INFORMATION_SCALE || pinyin.knownShare() < 1) {
      return List.of();
    }
    QueryTerms bigrams = new QueryTerms(index.dictionary(TextAnalysis.BIGRAMS), ids.bigrams(normalized, QueryTerms.MAX_TERMS));
    List<Candidate> covering = new ArrayList<>();
    for (Candidate c : candidates) {
      int ordinal = index.ordinalOf(c.entry());
      if (ordinal < 0) {
        continue;
      }
      FaqIndex.Vocabularies vocabularies = index.vocabularies(ordinal);
      if (pinyin.coverage(vocabularies.pinyin()) >= 1
          && (pinyin.size() >= 2 || bigrams.coverage(vocabularies.bigrams()) >= 1)) {
        covering.add(c);
      }
    }
    return covering;
  }

  private static boolean contains(int[] values, int count, int value) {
    for (int i = 0; i < count; i++) {
      if (values[i] == value) {
        return true;
      }
    }
    return false;
  }

  /** The index document of an entry's {@code question}th question (0: the canonical one). */
  public int questionDocument(int ordinal, int question) {
    return index.questionsOf(ordinal)[question];
  }

  /** The question documents of an entry among the hits (best first), without the excluded one. */
  private int[] hitQuestionsOf(int ordinal, ImpactSearch.Hits hits, int excludedDoc) {
    int n = 0;
    for (int i = 0; i < hits.size(); i++) {
      int doc = hits.docs()[i];
      if (doc != excludedDoc && index.entryOfQuestion(doc) == ordinal) {
        n++;
      }
    }
    int[] docs = new int[n];
    n = 0;
    for (int i = 0; i < hits.size(); i++) {
      int doc = hits.docs()[i];
      if (doc != excludedDoc && index.entryOfQuestion(doc) == ordinal) {
        docs[n++] = doc;
      }
    }
    return docs;
  }

  /** BM25 over one field for the query's terms (at most {@link QueryTerms#MAX_TERMS}), best hits first. */
  private ImpactSearch.Hits search(String field, QueryTerms terms, float boost, int hits) {
    ImpactSearch search = ImpactSearch.forThread(Math.max(index.questionCount(), index.entryCount()));
    for (int i = 0; i < terms.size(); i++) {
      TermImpacts.Postings postings = index.postings(field, terms.id(i));
      if (postings != null) { // a term no document has still counts in coverage
        search.add(postings, boost);
      }
    }
    return search.top(hits);
  }
}
