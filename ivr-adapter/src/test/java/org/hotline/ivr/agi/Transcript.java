package org.hotline.ivr.agi;

import java.util.List;

/** What Asterisk 22 sends, line for line, in shared/protocols/fastagi.md. */
final class Transcript {
  static final List<String> ENVIRONMENT = List.of(
      "agi_network: yes",
      "agi_network_script: hotline",
      "agi_request: agi://127.0.0.1:4573/hotline",
      "agi_channel: Local/s@caller-00000001;1",
      "agi_language: en",
      "agi_type: Local",
      "agi_uniqueid: 1795944204.2",
      "agi_version: 22.10.1+dfsg+~cs6.17.60671434-1",
      "agi_callerid: 13800138000",
      "agi_calleridname: unknown",
      "agi_callingpres: 67",
      "agi_callingani2: 0",
      "agi_callington: 0",
      "agi_callingtns: 0",
      "agi_dnid: unknown",
      "agi_rdnis: unknown",
      "agi_context: ivr",
      "agi_extension: 95588",
      "agi_priority: 3",
      "agi_enhanced: 0.0",
      "agi_accountcode: ",
      "agi_threadid: 139700815103680",
      "agi_arg_1: bank",
      "agi_arg_2: zh",
      "");

  static final List<String> USAGE_520 = List.of(
      "520-Invalid command syntax.  Proper usage follows:",
      " Usage: STREAM FILE <filename> <escape digits> [sample offset]",
      "        Send the given file, allowing playback to be interrupted by the given digits, if any.",
      "520 End of proper usage.");

  static final String SPEECH =
      "200 result=1 (speech) endpos=0 results=1 score0=830 text0=\"信用卡 丢了\" grammar0=hotline";

  private Transcript() {
  }
}
