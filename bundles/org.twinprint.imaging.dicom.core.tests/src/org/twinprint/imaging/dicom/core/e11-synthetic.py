# Writes a CT file with a value in every attribute of PS3.15 Table E.1-1 that pydicom's dictionary knows.
# argv: table, a real CT file to start from, the output file. Prints how many attributes it filled.
import sys, pydicom
from pydicom.datadict import dictionary_VR
from pydicom.dataset import Dataset
from pydicom.sequence import Sequence

table, source, out = sys.argv[1:4]
ds = pydicom.dcmread(source)
ds.BurnedInAnnotation = "NO"
filled = 0
for line in open(table):
    if line.startswith("#"):
        continue
    tag, action, name = line.rstrip("\n").split("\t")
    if tag == "gggg,eeee":  # private attributes
        ds.private_block(0x0009, "SECRET CREATOR", create=True).add_new(0x01, "LO", "Secret private")
        filled += 1
        continue
    tag = tag.replace("50XXXXXX", "50002500").replace("60XX", "6000")
    t = int(tag, 16)
    if t >> 16 in (0x0000, 0x0002) or t >> 16 >= 0xFFFA or t == 0x60003000:
        continue  # command and meta elements, signatures and padding, overlay data without its module
    try:
        vr = dictionary_VR(t).split(" or ")[0]
    except KeyError:
        continue
    n = filled
    secret = b"SECRET%02d" % (n % 100)
    value = {"UI": "1.2.826.0.1.3680043.10.999.%d" % n, "DA": "19710203", "TM": "101112",
             "DT": "19710203101112", "PN": "Secret^Person%d" % n, "AS": "042Y", "IS": "7", "DS": "7",
             "US": 7, "SS": 7, "UL": 7, "SL": 7, "FL": 7.0, "FD": 7.0, "UV": 7, "SV": 7, "AT": 0x00100010,
             "OB": secret, "OW": secret, "UN": secret, "CS": ("SECRET%d" % n)[:16],
             "UR": "http://secret.example/%d" % n}.get(vr, "Secret text %d" % n)
    if vr == "SQ":
        item = Dataset()
        item.CodeMeaning = "Secret item %d" % n
        item.PatientName = "Secret^Item%d" % n
        value = Sequence([item])
    ds.add_new(t, vr, value)
    filled += 1
ds.file_meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
ds.save_as(out, write_like_original=False)
print("filled", filled)
