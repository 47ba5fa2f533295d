"""Complete-link clustering under a compatibility test.

An item joins a cluster only when it is compatible with every member, so a
vague item cannot chain two distinct clusters together. Candidate pairs merge
best first; ties go to the lower indexes, which keeps the result stable.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable


def complete_link(
    count: int,
    pairs: Iterable[tuple[int, int]],
    compatible: Callable[[int, int], bool],
    affinity: Callable[[int, int], float],
    joins: Callable[[int, int], bool] | None = None,
) -> list[list[int]]:
    """Clusters of ``range(count)``, each sorted, in order of their first member.

    ``pairs`` are the candidate pairs (i < j) worth testing; pairs not listed
    are treated as incompatible. With ``joins``, a compatible pair it rejects may
    share a cluster but never merges two clusters by itself: another pair must.
    """
    linked: set[tuple[int, int]] = set()
    neighbours: dict[int, set[int]] = {i: set() for i in range(count)}
    ranked: list[tuple[float, int, int]] = []
    for i, j in pairs:
        left, right = min(i, j), max(i, j)
        if (left, right) not in linked and compatible(left, right):
            linked.add((left, right))
            neighbours[left].add(right)
            neighbours[right].add(left)
            if joins is None or joins(left, right):
                ranked.append((affinity(left, right), left, right))
    ranked.sort(key=lambda p: (-p[0], p[1], p[2]))

    cluster_of = list(range(count))
    members: dict[int, list[int]] = {i: [i] for i in range(count)}
    for _score, i, j in ranked:
        ci, cj = cluster_of[i], cluster_of[j]
        if ci == cj:
            continue
        # Every member of one cluster linked to every member of the other (set tests
        # in C: a long article's hundreds of same-day events made the pair loop slow).
        other = set(members[cj])
        if not all(neighbours[x] >= other for x in members[ci]):
            continue
        for x in members[cj]:
            cluster_of[x] = ci
        members[ci].extend(members.pop(cj))
    return sorted((sorted(m) for m in members.values()), key=lambda m: m[0])
