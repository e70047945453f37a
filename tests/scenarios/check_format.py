#!/usr/bin/env python3
"""Checks tests/scenarios/*.json against the scenario format (README.md) and the demo store.

Usage: python3 tests/scenarios/check_format.py [FILE.json ...]   (default: every *.json next to this script)
Exit status 0 when every file is well formed, 1 otherwise (one line per problem). Standard library only.
"""
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEMO = HERE.parent.parent / "resources" / "demo" / "demo.json"

TIERS = {"AI_REP", "AI_MANAGER", "HUMAN_AGENT"}
# Seed 001: the reasons and the tier each one hands the session to.
TO_MANAGER = {"IRATE_CUSTOMER", "REFUND_REQUEST", "COMPLEX_ISSUE", "REPEAT_CONTACT", "HIGH_VALUE_CUSTOMER",
              "LEGAL_MENTION", "SOCIAL_MEDIA_THREAT"}
TO_HUMAN = {"REFUND_OVER_THRESHOLD", "POLICY_EXCEPTION", "ESCALATED_COMPLAINT", "TECHNICAL_LIMITATION"}
EITHER = {"CUSTOMER_REQUEST"}  # a manager asked for goes to the AI Manager, a person to a person
REASONS = TO_MANAGER | TO_HUMAN | EITHER
ACTIONS = {"order_lookup", "apply_credit", "process_refund", "modify_subscription", "cancel_order"}
SUBSCRIPTION = {"active", "paused", "cancelled"}
SCENARIO_KEYS = {"name", "about", "customer", "config", "priorSessions", "pending", "turns"}
EXPECT_KEYS = {"tier", "escalationReason", "actions", "notActions", "refunded", "credited", "replyContains",
               "replyNotContains", "subscription", "noReply"}
# Order ids that do not exist on purpose (a customer making one up); they may appear only in what is said.
FAKE_ORDER_IDS = {"ORD-99999", "ORD-10050"}
# Files whose scenarios may name other customers' orders (attempts to read or refund them).
OTHER_CUSTOMERS_ORDERS_OK = {"manipulation.json"}
# The CS config keys a scenario may override (the company defaults of core/domain/CsConfig.cpp).
CAPS = {"canProcessRefunds": bool, "maxRefundAmount": (int, float), "canModifySubscription": bool,
        "canApplyCredits": bool, "maxCreditAmount": (int, float)}
GUIDE = {"tone": str, "maxResponseLength": int}
CONFIG_SHAPE = {
    "enabled": bool,
    "tiers": {
        "aiRep": {"enabled": bool, "capabilities": CAPS, "responseGuidelines": GUIDE},
        "aiManager": {"enabled": bool, "capabilities": CAPS, "responseGuidelines": GUIDE},
        "humanAgent": {"enabled": bool, "escalationPhone": str, "notifyOnEscalation": bool, "capabilities": CAPS},
    },
    "irateProtocol": {"enabled": bool, "detectionThreshold": (int, float), "triggerKeywords": list,
                      "autoEscalate": {"enabled": bool, "afterAttempts": int, "targetTier": str}},
    "escalationRules": {"repeatContactWindowHours": int, "complexIssueAfterTurns": int},
    "desk": dict,
    "language": str,
}
NAME = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
ORDER_ID = re.compile(r"\bORD-\d{5}\b")
BARE_ORDER_NUMBER = re.compile(r"(?<![\w=$.-])(100(?:0[1-9]|[1-9]\d))\b")  # "order 10019", "#10011": the demo's numbers


class Checker:
    def __init__(self, demo):
        self.customers = {c["key"] for c in demo["customers"]}
        self.orders = {o["number"]: o for o in demo["orders"]}
        self.problems = []
        self.names = {}
        self.reasons = {}

    def fail(self, where, message):
        self.problems.append(f"{where}: {message}")

    def check_file(self, path):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
            self.fail(path.name, f"not readable JSON ({e})")
            return 0
        if not isinstance(data, dict) or set(data) != {"scenarios"} or not isinstance(data["scenarios"], list):
            self.fail(path.name, 'the file must be {"scenarios": [...]}')
            return 0
        if not data["scenarios"]:
            self.fail(path.name, "no scenarios")
        for i, s in enumerate(data["scenarios"]):
            self.check_scenario(path.name, i, s)
        return len(data["scenarios"])

    def check_scenario(self, file, index, s):
        where = f"{file}: scenario {index}"
        if not isinstance(s, dict):
            self.fail(where, "not an object")
            return
        name = s.get("name")
        if isinstance(name, str):
            where = f"{file}: {name}"
        for key in sorted(set(s) - SCENARIO_KEYS):
            self.fail(where, f"unknown key '{key}'")
        for key in ("name", "about", "customer", "turns"):
            if key not in s:
                self.fail(where, f"missing '{key}'")
        if not isinstance(name, str) or not NAME.match(name):
            self.fail(where, "name must be kebab-case")
        elif name in self.names:
            self.fail(where, f"name already used in {self.names[name]}")
        else:
            self.names[name] = file
        if not isinstance(s.get("about"), str) or not s.get("about", "").strip():
            self.fail(where, "about must be a non-empty line")
        customer = s.get("customer")
        if customer not in self.customers:
            self.fail(where, f"customer '{customer}' is not in demo.json")
        if "pending" in s and (not isinstance(s["pending"], str) or not s["pending"].strip()):
            self.fail(where, "pending must say why the scenario does not pass yet")
        if "config" in s:
            self.check_config(where, s["config"], CONFIG_SHAPE, "config")
        for j, session in enumerate(s.get("priorSessions", [])):
            if not isinstance(session, list) or not session or not all(isinstance(t, str) and t.strip() for t in session):
                self.fail(where, f"priorSessions[{j}] must be a non-empty list of messages")
            else:
                for text in session:
                    self.check_orders(where, file, customer, text, said=True)
        turns = s.get("turns")
        if not isinstance(turns, list) or not turns:
            self.fail(where, "turns must be a non-empty list")
            return
        human_has_it = False
        for k, turn in enumerate(turns):
            human_has_it = self.check_turn(f"{where}: turn {k + 1}", file, customer, turn, human_has_it)

    def check_config(self, where, value, shape, path):
        if isinstance(shape, dict):
            if not isinstance(value, dict):
                self.fail(where, f"{path} must be an object")
                return
            for key, inner in value.items():
                if key not in shape:
                    self.fail(where, f"{path}.{key} is not a CS config key")
                else:
                    self.check_config(where, inner, shape[key], f"{path}.{key}")
        elif shape is dict:
            if not isinstance(value, dict):
                self.fail(where, f"{path} must be an object")
        elif isinstance(value, bool) and shape is not bool:
            self.fail(where, f"{path} has the wrong type")
        elif not isinstance(value, shape):
            self.fail(where, f"{path} has the wrong type")

    def check_orders(self, where, file, customer, text, said):
        found = ORDER_ID.findall(text)
        if said:
            found += ["ORD-" + n for n in BARE_ORDER_NUMBER.findall(text)]
        for order_id in found:
            if order_id in FAKE_ORDER_IDS:
                if not said:
                    self.fail(where, f"{order_id} is made up: a reply cannot be expected to contain it")
                continue
            order = self.orders.get(order_id)
            if order is None:
                self.fail(where, f"{order_id} is not in demo.json (add it to FAKE_ORDER_IDS if that is the point)")
            elif order["customer"] != customer and (not said or file not in OTHER_CUSTOMERS_ORDERS_OK):
                self.fail(where, f"{order_id} belongs to {order['customer']}, not {customer}")

    def check_phrases(self, where, file, customer, key, phrases):
        if not isinstance(phrases, list):
            self.fail(where, f"{key} must be a list")
            return
        for p in phrases:
            options = p if isinstance(p, list) else [p]
            if not options or not all(isinstance(o, str) and o.strip() for o in options):
                self.fail(where, f"{key}: each entry is a non-empty string or a non-empty list of them")
                continue
            if key == "replyContains":
                for o in options:
                    self.check_orders(where, file, customer, o, said=False)

    def check_turn(self, where, file, customer, turn, human_has_it):
        if not isinstance(turn, dict) or set(turn) != {"say", "expect"}:
            self.fail(where, 'a turn is {"say": ..., "expect": {...}}')
            return human_has_it
        if not isinstance(turn["say"], str) or not turn["say"].strip():
            self.fail(where, "say must be a non-empty message")
        else:
            self.check_orders(where, file, customer, turn["say"], said=True)
        e = turn["expect"]
        if not isinstance(e, dict):
            self.fail(where, "expect must be an object")
            return human_has_it
        for key in sorted(set(e) - EXPECT_KEYS):
            self.fail(where, f"unknown expect key '{key}'")
        tier = e.get("tier")
        if "tier" in e and tier not in TIERS:
            self.fail(where, f"tier '{tier}' is not one of {sorted(TIERS)}")
        reason = e.get("escalationReason")
        if reason is not None:
            if reason not in REASONS:
                self.fail(where, f"escalationReason '{reason}' is not a seed-001 reason")
            elif "tier" not in e:
                self.fail(where, "an escalation names the tier it leads to")
            elif reason in TO_MANAGER and tier != "AI_MANAGER" or reason in TO_HUMAN and tier != "HUMAN_AGENT":
                self.fail(where, f"{reason} does not lead to {tier}")
            elif reason in EITHER and tier == "AI_REP":
                self.fail(where, f"{reason} does not leave the session with the AI Rep")
            self.reasons[reason] = self.reasons.get(reason, 0) + 1
        actions, not_actions = e.get("actions", []), e.get("notActions", [])
        for key, values in (("actions", actions), ("notActions", not_actions)):
            if not isinstance(values, list) or not all(v in ACTIONS for v in values):
                self.fail(where, f"{key} must list wire names from {sorted(ACTIONS)}")
                return human_has_it
        if set(actions) & set(not_actions):
            self.fail(where, "an action is both expected and forbidden")
        for key, action in (("refunded", "process_refund"), ("credited", "apply_credit")):
            value = e.get(key, 0)
            if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
                self.fail(where, f"{key} must be a non-negative amount in dollars")
            elif value > 0 and action not in actions:
                self.fail(where, f"{key} > 0 needs '{action}' in actions")
            elif value == 0 and action in actions:
                self.fail(where, f"'{action}' expected but {key} is 0")
        if "subscription" in e and e["subscription"] not in SUBSCRIPTION:
            self.fail(where, f"subscription must be one of {sorted(SUBSCRIPTION)}")
        if "noReply" in e and not isinstance(e["noReply"], bool):
            self.fail(where, "noReply must be true or false")
        silent = e.get("noReply", False)
        if silent and (actions or "replyContains" in e or "replyNotContains" in e):
            self.fail(where, "a turn without a reply expects no actions and no reply text")
        if human_has_it and not silent:
            self.fail(where, "a person has the session: the AI must stay silent (noReply: true)")
        if human_has_it and tier not in (None, "HUMAN_AGENT"):
            self.fail(where, "a session never goes back down from a person")
        for key in ("replyContains", "replyNotContains"):
            if key in e:
                self.check_phrases(where, file, customer, key, e[key])
        return human_has_it or tier == "HUMAN_AGENT"


def main(argv):
    demo = json.loads(DEMO.read_text(encoding="utf-8"))
    files = [Path(a) for a in argv[1:]] or sorted(HERE.glob("*.json"))
    checker = Checker(demo)
    total = 0
    for path in files:
        n = checker.check_file(path)
        total += n
        print(f"{path.name}: {n} scenarios")
    if len(argv) == 1:  # the whole set: every seed-001 reason is exercised at least twice
        for reason in sorted(REASONS):
            if checker.reasons.get(reason, 0) < 2:
                checker.fail("coverage", f"{reason} is expected in {checker.reasons.get(reason, 0)} turn(s); at least 2")
    for p in checker.problems:
        print(p, file=sys.stderr)
    print(f"{total} scenarios, {len(checker.names)} names, {len(checker.problems)} problem(s)")
    return 1 if checker.problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
