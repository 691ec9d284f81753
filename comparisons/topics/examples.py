"""A taxonomy's families checked against their own examples: each example must fire its family and carry its topic.

- ``example_problems(taxonomy) -> list[ExampleProblem]``: every example that does not do what its family claims,
  with the reason; empty for a sound taxonomy.
- ``check_examples(taxonomy, file=None)``: raises ``ComparisonError`` for the first such example, naming the topic,
  the family and the sentence (``dualread topics --check`` runs it; loading a taxonomy does not, it costs tagging).

Why: a family's ``example`` is the promise that its expressions mean the topic. An example its own signals do not
find, or that does not reach the topic's threshold alone, is a family whose ``why`` nobody has checked.
A ``context`` family's example is read as if the readout named its topic elsewhere (that is when it counts).
"""

from __future__ import annotations

from dataclasses import dataclass

from comparisons.errors import ComparisonError
from comparisons.topics.signals import Found, compile_taxonomy
from comparisons.topics.tagging import THRESHOLD
from comparisons.topics.taxonomy import Taxonomy

__all__ = ["ExampleProblem", "check_examples", "example_problems"]


@dataclass(frozen=True)
class ExampleProblem:
    topic: str
    family: str
    example: str
    problem: str

    @property
    def field(self) -> str:
        return f"topics[{self.topic}].families[{self.family}].example"


def example_problems(taxonomy: Taxonomy) -> list[ExampleProblem]:
    """Each example that its family's signals do not find, or that does not give its topic on its own."""
    matcher = compile_taxonomy(taxonomy)
    problems = []
    for topic in taxonomy.topics:
        context_only = {s.family for s in topic.context} - {s.family for s in topic.signals}
        for family in topic.families:
            for example in family.example:
                found: Found = {}
                own, context = matcher.evidence(example, found)
                hits = matcher.hits(found)
                score = own.get(topic.id, (0.0, 0))[0]
                if family.name in context_only:
                    score += context.get(topic.id, (0.0, 0))[0]
                if not any(hit.label == family.name for hit in hits.get(topic.id, ())):
                    problem = "its own family's signals do not find it"
                elif score < THRESHOLD:
                    problem = f"it gets only {score:g} of the {THRESHOLD:g} the topic needs"
                else:
                    continue
                problems.append(ExampleProblem(topic.id, family.name, example, problem))
    return problems


def check_examples(taxonomy: Taxonomy, file: object = None) -> None:
    """Raise ``ComparisonError`` naming the first example that does not fire its family and topic."""
    problems = example_problems(taxonomy)
    if problems:
        first = problems[0]
        more = f" ({len(problems) - 1} more)" if len(problems) > 1 else ""
        raise ComparisonError(f"the example does not show its family: {first.problem}{more}", file=file,
                              field=first.field, value=first.example)
