"""Writes list-oracle.jsonl: what Python 3.11 answers for list slicing, slice assignment, insert, pop, index and item
access over a sweep of indices. ListPythonOracleTest replays every case through record-service's HTTP API.
Run: python3 list_oracle.py > list-oracle.jsonl"""
import json

BOUNDS = [None, -10**20, -9, -2, 0, 1, 3, 7, 10**20]
STEPS = [None, -10**20, -2, -1, 1, 3, 10**20]


def case(op, base, args, run):
    lst = list(base)
    try:
        result = run(lst)
        out = {"result": result, "after": lst}
    except (IndexError, ValueError) as e:
        out = {"error": type(e).__name__, "message": str(e), "after": lst}
    print(json.dumps({"op": op, "list": base, **args, **out}))


seven = list(range(7))
for start in BOUNDS:
    for stop in BOUNDS:
        for step in STEPS:
            case("getslice", seven, {"start": start, "stop": stop, "step": step},
                 lambda l: l[start:stop:step])

five = list(range(5))
for start in [None, -7, -2, 0, 2, 7]:
    for stop in [None, -7, -2, 0, 2, 7]:
        for step in [None, -2, -1, 2]:
            for size in [0, 1, 3]:
                values = ["x%d" % i for i in range(size)]

                def assign(l, start=start, stop=stop, step=step, values=values):
                    l[start:stop:step] = values
                    return None
                case("setslice", five, {"start": start, "stop": stop, "step": step, "values": values}, assign)

# Python raises OverflowError for list indices beyond a C ssize_t; record-service clamps them (ListApiTest).
for index in range(-8, 9):
    case("insert", five, {"index": index}, lambda l, index=index: l.insert(index, "new"))
    case("getitem", five, {"index": index}, lambda l, index=index: l[index])

    def setitem(l, index=index):
        l[index] = "new"
    case("setitem", five, {"index": index}, setitem)
    case("pop", five, {"index": index}, lambda l, index=index: l.pop(index))
case("pop", five, {"index": None}, lambda l: l.pop())
case("pop", [], {"index": None}, lambda l: l.pop())
case("pop", [], {"index": 0}, lambda l: l.pop(0))

pattern = [0, 1, 0, 1, 0]
for value in [0, 1, 2]:
    for start in [None, -7, -2, 0, 2, 5, 7]:
        for stop in [None, -7, -2, 0, 2, 5, 7]:
            case("index", pattern, {"value": value, "start": start, "stop": stop},
                 lambda l, value=value, start=start, stop=stop:
                 l.index(value, 0 if start is None else start, *([] if stop is None else [stop])))
