/** The projects, as links: the selected one is in the URL's fragment, so it survives a reload. */
import type { ProjectsQuery } from "./generated/graphql";

type Project = ProjectsQuery["projects"]["nodes"][number];

export function ProjectList({ projects, selectedId }: { projects: Project[]; selectedId?: string }) {
  return (
    <nav class="projects" aria-label="Projects">
      <h2>Projects</h2>
      <ul>
        {projects.map((project) => (
          <li key={project.id}>
            <a
              href={projectHash(project.id)}
              aria-current={project.id === selectedId ? "page" : undefined}
              title={project.fullName ?? undefined}
            >
              {project.name}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export const projectHash = (projectId: string) => `#project=${encodeURIComponent(projectId)}`;

export function projectIdFromHash(hash: string): string | undefined {
  return new URLSearchParams(hash.slice(1)).get("project") ?? undefined;
}
