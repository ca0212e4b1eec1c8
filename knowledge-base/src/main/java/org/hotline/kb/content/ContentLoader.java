package org.hotline.kb.content;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and validates the knowledge-base files of a {@link ContentSource}:
 * {@code categories.json}, {@code synonyms.txt}, {@code fraud-triggers.json} and one
 * {@code <category>.json} per category. Any problem fails the whole load with a
 * {@link ContentException} naming the file, the entry and the problem. Stateless; thread-safe.
 */
public final class ContentLoader {
  static final String CATEGORIES = "categories.json";
  static final String SYNONYMS = "synonyms.txt";
  static final String FRAUD_TRIGGERS = "fraud-triggers.json";
  static final Set<String> FIXED_FILES = Set.of(CATEGORIES, FRAUD_TRIGGERS);

  public static final int MIN_ALTERNATES = 4;
  private static final Pattern URL = Pattern.compile("(?i)https?://|www\\.");

  private final ObjectMapper json = new ObjectMapper();

  public KnowledgeBaseContent load(ContentSource source) {
    List<Category> categories = readCategories(source);
    Map<String, Category> known = new HashMap<>();
    categories.forEach(c -> known.put(c.id(), c));

    List<String> files = source.categoryFiles();
    if (files == null) {
      files = categories.stream().map(c -> c.id() + ".json").toList();
    }
    Map<String, String> fileOfId = new HashMap<>();
    List<FaqEntry> entries = new ArrayList<>();
    for (String file : files) {
      entries.addAll(readCategoryFile(source, file, known, fileOfId));
    }
    if (entries.isEmpty()) {
      throw new ContentException(source.describe(), null, "no FAQ entries found");
    }
    List<List<String>> synonyms = readSynonyms(source);
    List<FraudTrigger> triggers = readFraudTriggers(source, fileOfId.keySet());
    return new KnowledgeBaseContent(categories, entries, synonyms, triggers);
  }

  private List<Category> readCategories(ContentSource source) {
    JsonNode root = readJson(source, CATEGORIES, true);
    if (!root.isArray() || root.isEmpty()) {
      throw new ContentException(CATEGORIES, null, "expected a non-empty array of {id, name}");
    }
    List<Category> categories = new ArrayList<>();
    for (JsonNode node : root) {
      String id = text(node, "id");
      String name = text(node, "name");
      if (id.isEmpty() || name.isEmpty()) {
        throw new ContentException(CATEGORIES, null, "every category needs an id and a name");
      }
      if (categories.stream().anyMatch(c -> c.id().equals(id))) {
        throw new ContentException(CATEGORIES, null, "duplicate category '" + id + "'");
      }
      categories.add(new Category(id, name));
    }
    return categories;
  }

  private List<FaqEntry> readCategoryFile(
      ContentSource source, String file, Map<String, Category> known, Map<String, String> fileOfId) {
    JsonNode root = readJson(source, file, true);
    String category = text(root, "category");
    if (!known.containsKey(category)) {
      throw new ContentException(file, null, "unknown category '" + category + "'");
    }
    JsonNode entries = root.path("entries");
    if (!entries.isArray()) {
      throw new ContentException(file, null, "missing 'entries' array");
    }
    List<FaqEntry> result = new ArrayList<>();
    int position = 0;
    for (JsonNode node : entries) {
      position++;
      String id = text(node, "id");
      if (id.isEmpty()) {
        throw new ContentException(file, "#" + position, "missing id");
      }
      String other = fileOfId.putIfAbsent(id, file);
      if (other != null) {
        throw new ContentException(file, id, "duplicate id (also in " + other + ")");
      }
      if (!id.startsWith(category + ".")) {
        throw new ContentException(file, id, "id must start with its category '" + category + ".'");
      }
      result.add(readEntry(file, id, category, node));
    }
    return result;
  }

  private FaqEntry readEntry(String file, String id, String category, JsonNode node) {
    String question = text(node, "question");
    if (question.isEmpty()) {
      throw new ContentException(file, id, "empty question");
    }
    List<String> alternates = new ArrayList<>();
    for (JsonNode alt : node.path("alternates")) {
      String text = alt.asText("").strip();
      if (!text.isEmpty()) {
        alternates.add(text);
      }
    }
    if (alternates.size() < MIN_ALTERNATES) {
      throw new ContentException(
          file, id, "needs at least " + MIN_ALTERNATES + " alternates, has " + alternates.size());
    }
    String answer = text(node, "answer");
    if (answer.isEmpty()) {
      throw new ContentException(file, id, "empty answer");
    }
    String voice = text(node, "voiceAnswer");
    if (voice.isEmpty()) {
      throw new ContentException(file, id, "missing voice answer");
    }
    if (URL.matcher(voice).find()) {
      throw new ContentException(file, id, "voice answer contains a URL");
    }
    String source = text(node, "source");
    return new FaqEntry(
        id, category, question, alternates, answer, voice, source.isEmpty() ? null : source);
  }

  private List<List<String>> readSynonyms(ContentSource source) {
    List<List<String>> groups = new ArrayList<>();
    Map<String, Integer> lineOfTerm = new HashMap<>();
    try (InputStream in = source.open(SYNONYMS)) {
      if (in == null) {
        return groups;
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      int lineNo = 0;
      while ((line = reader.readLine()) != null) {
        lineNo++;
        line = line.strip();
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        List<String> group = new ArrayList<>();
        for (String term : line.split("[,，]")) {
          term = term.strip();
          if (term.isEmpty()) {
            continue;
          }
          Integer previous = lineOfTerm.putIfAbsent(term, lineNo);
          if (previous != null) {
            throw new ContentException(
                SYNONYMS, null, "line " + lineNo + ": '" + term + "' is already on line " + previous);
          }
          group.add(term);
        }
        if (group.size() < 2) {
          throw new ContentException(SYNONYMS, null, "line " + lineNo + ": a group needs two words");
        }
        groups.add(group);
      }
    } catch (IOException e) {
      throw new ContentException(SYNONYMS, null, "cannot read: " + e.getMessage(), e);
    }
    return groups;
  }

  private List<FraudTrigger> readFraudTriggers(ContentSource source, Set<String> ids) {
    JsonNode root = readJson(source, FRAUD_TRIGGERS, false);
    List<FraudTrigger> triggers = new ArrayList<>();
    if (root == null) {
      return triggers;
    }
    for (JsonNode node : root) {
      String phrase = text(node, "phrase");
      String faqId = text(node, "faqId");
      if (phrase.isEmpty()) {
        throw new ContentException(FRAUD_TRIGGERS, faqId, "empty phrase");
      }
      if (!ids.contains(faqId)) {
        throw new ContentException(
            FRAUD_TRIGGERS, faqId, "trigger '" + phrase + "' names an unknown entry");
      }
      triggers.add(new FraudTrigger(phrase, faqId));
    }
    return triggers;
  }

  private JsonNode readJson(ContentSource source, String file, boolean required) {
    try (InputStream in = source.open(file)) {
      if (in == null) {
        if (required) {
          throw new ContentException(file, null, "file not found in " + source.describe());
        }
        return null;
      }
      return json.readTree(in);
    } catch (JsonProcessingException e) {
      throw new ContentException(file, null, "invalid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new ContentException(file, null, "cannot read: " + e.getMessage(), e);
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? "" : value.asText("").strip();
  }
}
