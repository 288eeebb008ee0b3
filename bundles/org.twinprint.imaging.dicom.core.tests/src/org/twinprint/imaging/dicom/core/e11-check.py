# Compares a de-identified file with its original, attribute by attribute of PS3.15 Table E.1-1.
# argv: table, original file, de-identified file. Prints what was checked and every attribute whose
# outcome the table does not allow: X absent, Z empty (or a dummy), D a dummy, U a new UID.
import sys, pydicom

table, original, deidentified = sys.argv[1:4]
o = pydicom.dcmread(original)
d = pydicom.dcmread(deidentified)
methods = [i.CodeValue for i in d.get("DeidentificationMethodCodeSequence", [])]
wrong, checked = [], 0
for line in open(table):
    if line.startswith("#"):
        continue
    tag, action, name = line.rstrip("\n").split("\t")
    if tag == "gggg,eeee":
        checked += 1
        if any(e.tag.is_private for e in d.iterall()):
            wrong.append("private attributes kept")
        continue
    t = int(tag.replace("50XXXXXX", "50002500").replace("60XX", "6000"), 16)
    if t not in o:
        continue
    checked += 1
    before = str(o[t].value)
    if t not in d:
        got = "absent"
    elif d[t].value in (None, "", b"", []):
        got = "empty"
    elif str(d[t].value) == before:
        got = "kept"
    else:
        got = "uid" if str(d[t].value).startswith("2.25.") else "dummy"
    allowed = set()
    for a in action.replace("*", "").split("/"):
        allowed |= {"X": {"absent"}, "Z": {"empty", "dummy"}, "D": {"dummy", "uid"}, "U": {"uid"}}[a]
    if got == "kept" and t == 0x30060026 and "113105" in methods:
        continue  # ROI Name, kept under the Clean Descriptors option, which the file names
    if got not in allowed:
        wrong.append("%s %s %s: %s (%r -> %r)" % (tag, action, name, got, before[:30], str(d.get(t, ""))[:60]))
print("checked", checked)
print("methods", methods)
print("wrong", len(wrong))
print("\n".join(wrong))
