"""``project``: annotation projects from the command line (README, "Projects").

    sam-app project create DIR --images IMAGES --classes person,car,bicycle [--db URL]
    sam-app project import DIR --coco FILE | --yolo DIR | --labelme DIR | --masks DIR
    sam-app project prelabel DIR --text | --everything | --boxes-from FILE
    sam-app project status DIR [--json]
    sam-app project export DIR --format coco,yolo,semantic,labelme,png --output OUT [--reviewed-only]
    sam-app project check DIR

Every command needs only the project folder: it says where the images and the
database are (a PostgreSQL password comes from PGPASSWORD or ~/.pgpass, never from the
folder). ``check`` exits with status 1 when it finds a problem.
"""

from __future__ import annotations

import argparse
import json
import sys

from .. import limits
from .batch import add_engine_choice, job_service, model_identity, outcomes
from .options import add_engine_arguments, add_everything_arguments, everything_settings


def add_parsers(sub) -> None:
    project = sub.add_parser("project", help="annotation projects: create, import, prelabel, status, export, check",
                             allow_abbrev=False)
    commands = project.add_subparsers(dest="project_command", required=True)
    add_making_parsers(commands)
    add_reading_parsers(commands)


def add_making_parsers(commands) -> None:
    """create, import, prelabel: what puts images and objects in a project."""
    create = commands.add_parser("create", help="a new project over a folder of images", allow_abbrev=False)
    create.add_argument("folder", help="the project folder (made if missing; it must not hold a project)")
    create.add_argument("--images", required=True,
                        help="a folder of images (searched recursively) or a text file listing them; never copied")
    create.add_argument("--classes", required=True, help="class names in order, comma-separated: person,car,bicycle")
    create.add_argument("--db", help="postgresql://USER@HOST[:PORT]/NAME for a team (password from PGPASSWORD; "
                                     "default: SQLite in the project folder)")
    create.add_argument("--name", help="the project's name (default: the folder's)")
    limits.add_arguments(create, ("max_project_images", "max_file_size"))
    create.set_defaults(run=cmd_create)

    imports = commands.add_parser("import", help="annotations to correct: COCO, YOLO, LabelMe or mask PNGs",
                                  allow_abbrev=False)
    imports.add_argument("folder", help="the project folder")
    source = imports.add_mutually_exclusive_group(required=True)
    source.add_argument("--coco", help="a COCO instances file (RLE or polygons)")
    source.add_argument("--yolo", help="a YOLO segmentation folder (labels/*.txt and classes.txt or data.yaml)")
    source.add_argument("--labelme", help="a folder of LabelMe JSON files")
    source.add_argument("--masks", help="mask PNGs: one per object (<image>/<k>_<class>.png), or one class-index PNG "
                                        "per image with classes.json")
    imports.add_argument("--replace", action="store_true",
                         help="replace the objects of the images it covers (default: add to them)")
    limits.add_arguments(imports, ("max_import_objects", "max_file_size"))
    imports.set_defaults(run=cmd_import)

    prelabel = commands.add_parser("prelabel", help="proposals for every image from a model (resumable)",
                                   allow_abbrev=False)
    prelabel.add_argument("folder", help="the project folder")
    kind = prelabel.add_mutually_exclusive_group(required=True)
    kind.add_argument("--text", action="store_true", help="each class name as a text prompt (a text model: SAM 3 "
                                                          "or a grounding detector)")
    kind.add_argument("--everything", action="store_true", help="segment everything (masks without a class)")
    kind.add_argument("--boxes-from", help="a COCO file with boxes: each box, with its category, becomes a prompt")
    prelabel.add_argument("--classes", help="with --text: the classes to look for (default all), comma-separated")
    prelabel.add_argument("--threshold", type=float, default=0.3, help="with --text: the lowest score kept (0.3)")
    prelabel.add_argument("--multimask", action="store_true",
                          help="three candidates per prompt, the best-scoring kept")
    add_engine_choice(prelabel)
    add_everything_arguments(prelabel)
    add_engine_arguments(prelabel)
    prelabel.set_defaults(run=cmd_prelabel)


def add_reading_parsers(commands) -> None:
    """status, export, check: what reads a project."""
    status = commands.add_parser("status", help="images per status, objects per class", allow_abbrev=False)
    status.add_argument("folder", help="the project folder")
    status.add_argument("--json", action="store_true", help="as JSON")
    status.set_defaults(run=cmd_status)

    export = commands.add_parser("export", help="the dataset: COCO, YOLO, semantic PNGs, LabelMe, mask PNGs",
                                 allow_abbrev=False)
    export.add_argument("folder", help="the project folder")
    export.add_argument("--format", default="coco", help="comma-separated: coco, yolo, semantic, labelme, png "
                                                         "(default coco)")
    export.add_argument("--output", required=True, help="the folder to write into")
    export.add_argument("--reviewed-only", action="store_true", help="only images marked reviewed")
    export.add_argument("--polygons", action="store_true", help="COCO segmentations as polygons (holes kept)")
    export.add_argument("--proposals", action="store_true", help="also proposals nobody accepted yet")
    export.set_defaults(run=cmd_export)

    check = commands.add_parser("check", help="integrity: missing or changed images, orphan rows, damaged masks",
                                allow_abbrev=False)
    check.add_argument("folder", help="the project folder")
    check.set_defaults(run=cmd_check)


def _names(text: str, what: str):
    from ..errors import SamAppError

    names = [n.strip() for n in (text or "").split(",") if n.strip()]
    if not names:
        raise SamAppError(f"{what}: no names; give them comma-separated, e.g. person,car,bicycle")
    return names


def cmd_create(args: argparse.Namespace) -> int:
    from ..projects import Project
    from ..projects.report import status, status_text

    project = Project.create(args.folder, args.images, _names(args.classes, "--classes"), args.db, args.name)
    print(status_text(status(project)))
    print(f"-> {args.folder} (images under {project.root})")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from ..projects import Project
    from ..projects.formats import import_annotations

    kind = next(k for k in ("coco", "yolo", "labelme", "masks") if getattr(args, k))
    report = import_annotations(Project.open(args.folder), kind, getattr(args, kind), replace=args.replace)
    print(report.text())
    return 0


def cmd_prelabel(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from ..projects import Project
    from ..projects.prelabel import prelabel_job, run_prelabel

    project = Project.open(args.folder)
    service = job_service(args, args.everything)
    identity, options = model_identity(args, service)
    kind = "text" if args.text else "everything" if args.everything else "coco"
    job = prelabel_job(project, kind, identity, _names(args.classes, "--classes") if args.classes else None,
                       args.threshold, everything_settings(args).as_dict() if args.everything else None,
                       args.boxes_from, args.multimask)
    results = outcomes(args, job.batch, service, options, job.store)
    with tqdm(total=len(job.batch.items), desc="images", unit="image", file=sys.stderr) as bar:
        def report(result, _summary):
            bar.update(1)
            if result["status"] == "failed":
                tqdm.write(f"failed {result['file_name']}: {result['reason']}", file=sys.stderr)
        summary = run_prelabel(project, job, results, report)
    print(f"job {job.id}: {summary.line()}")
    return 1 if summary.failed else 0


def cmd_status(args: argparse.Namespace) -> int:
    from ..projects import Project
    from ..projects.prelabel import job_line, jobs
    from ..projects.report import status, status_text

    project = Project.open(args.folder)
    summary = status(project)
    if args.json:
        summary["jobs"] = [{**j, "updated_at": j["updated_at"].isoformat() if j["updated_at"] else None}
                           for j in jobs(project)]
        print(json.dumps(summary, indent=2))
    else:
        print(status_text(summary))
        for job in jobs(project):
            print("  " + job_line(job))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from ..projects import Project
    from ..projects.formats import export_project

    formats = [f.strip().lower() for f in args.format.split(",") if f.strip()]
    files = export_project(Project.open(args.folder), args.output, formats, reviewed_only=args.reviewed_only,
                           polygons=args.polygons, proposals=args.proposals)
    print(f"{len(files)} file(s) -> {args.output}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from ..projects import Project
    from ..projects.report import check

    report = check(Project.open(args.folder))
    print(report.text())
    return 0 if report.ok else 1
