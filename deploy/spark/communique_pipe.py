"""Run communique over a folder of press releases with Spark's RDD.pipe.

Every executor runs `communique pipe`, one process per partition: the
documents go in as JSON lines on its standard input, the rows of the
tables come out as JSON lines on its standard output, one record per row,
under a key named after its table:

    {"table":"events","events":{"event_id":"...","doc_id":"...",...}}

This driver reads the releases as binary files, so every encoding reaches
communique as the bytes a file has, writes the records as they came
(OUTPUT/_records, gzip JSON lines, for inspection or a rerun of the split)
and then one Parquet table per folder: OUTPUT/documents, OUTPUT/events,
OUTPUT/mentions, OUTPUT/rejects.

    tar czf communique.tgz communique            # the linux/amd64 binary, `make build`
    spark-submit --archives communique.tgz#cq \\
        communique_pipe.py s3a://bucket/releases s3a://bucket/communique-out

doc_id is the path relative to INPUT without its extension, as with
`communique run --in INPUT`, so the rows are those of a single run.
"""

import base64
import json
import os
import posixpath
import sys

from pyspark.sql import SparkSession
from pyspark.sql import functions as F

# Where the executors find the binary: --archives communique.tgz#cq unpacks
# it into ./cq in each executor's working folder (an archive keeps the
# executable bit, which --files may not).
COMMUNIQUE = os.environ.get("COMMUNIQUE_BIN", "./cq/communique")
# Workers per process; match spark.task.cpus.
WORKERS = int(os.environ.get("COMMUNIQUE_WORKERS", "1"))

TABLES = ["documents", "events", "mentions", "rejects"]
# JSON has no date type: these columns are ISO strings in the records and
# DATE in communique's own Parquet, so they are cast back.
DATE_COLUMNS = {
    "documents": ["published_date"],
    "events": ["start_date", "end_date"],
    "rejects": ["start_date", "end_date"],
}


def doc_id(rel):
    """communique's doc_id: the relative path without its extension."""
    root, ext = posixpath.splitext(rel)
    return root if ext else rel


def relative(path, root):
    """The part of a file's URI below the input folder."""
    # The binaryFile source gives qualified URIs (file:/..., s3a://...);
    # root may be given with or without its scheme.
    bare = root.split(":", 1)[1] if ":" in root else root
    bare = bare.rstrip("/") + "/"
    i = path.find(bare)
    return path[i + len(bare):] if i >= 0 else path


def to_line(row, root):
    rel = relative(row.path, root)
    return json.dumps({
        "doc_id": doc_id(rel),
        "source": rel,
        "text_base64": base64.b64encode(bytes(row.content)).decode("ascii"),
    })


def main(argv):
    if len(argv) != 3:
        sys.exit("usage: communique_pipe.py INPUT OUTPUT")
    input_dir, output = argv[1], argv[2].rstrip("/")
    spark = SparkSession.builder.appName("communique").getOrCreate()

    # Spark skips files and folders whose names start with "." (as run
    # does) or "_" (which run reads).
    files = (spark.read.format("binaryFile")
             .option("recursiveFileLookup", "true")
             .load(input_dir)
             .select("path", "content"))
    lines = files.rdd.map(lambda row: to_line(row, input_dir))

    # One communique process per partition; its stderr goes to the
    # executor's log. A bad document is a documents row with status error,
    # not a failed task.
    records = lines.pipe(f"{COMMUNIQUE} pipe --workers {WORKERS} --log-level warn")
    records.saveAsTextFile(f"{output}/_records",
                           compressionCodecClass="org.apache.hadoop.io.compress.GzipCodec")

    # One schema is inferred for all records, but each table's rows sit
    # under their own key, so each table's struct has its own columns only.
    df = spark.read.json(f"{output}/_records")
    for table in TABLES:
        if table not in df.columns:  # no row of that table at all
            continue
        rows = df.where(F.col("table") == table).select(f"{table}.*")
        for c in DATE_COLUMNS.get(table, []):
            if c in rows.columns:
                rows = rows.withColumn(c, F.col(c).cast("date"))
        if "confidence" in rows.columns:  # 1.0 is written as 1
            rows = rows.withColumn("confidence", F.col("confidence").cast("double"))
        rows.write.mode("overwrite").parquet(f"{output}/{table}")
    spark.stop()


if __name__ == "__main__":
    main(sys.argv)
