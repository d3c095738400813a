import { exportTeam } from '../../../shared/markdown'
import type { CheckFinding } from '../../../shared/meeting'
import { copyText } from '../app/native'
import { useToast } from '../app/toast'
import { useSprint } from '../editor/sprint-context'
import { jumpTo } from './jump'

/**
 * One team's plan check: each finding is a button that takes you to where it is fixed. The
 * comment can be copied whatever the check says (it only reports).
 */
export function PlanCheckList(props: {
  teamId: string
  name: string
  findings: readonly CheckFinding[]
}) {
  const { doc } = useSprint()
  const toast = useToast()
  const copy = async (): Promise<void> => {
    try {
      await copyText(exportTeam(doc, props.teamId))
      toast.show({ message: `Copied ${props.name}’s comment` }, 3000)
    } catch (err) {
      toast.show({ message: `Copy failed: ${String(err)}`, isError: true })
    }
  }
  return (
    <div className="plan-check">
      {props.findings.length === 0 ? (
        <p className="plan-check-done">Nothing missing: the comment has what the template asks.</p>
      ) : (
        <ul aria-label={`Plan check: ${props.name}`}>
          {props.findings.map((f, i) => (
            <li key={`${f.rule}-${i}`}>
              <button
                type="button"
                className={`finding finding-${f.rule}`}
                onClick={() => {
                  if (!jumpTo(f.teamId, f.target)) {
                    toast.show({ message: 'That is no longer in the sprint', isError: true })
                  }
                }}
              >
                {f.message}
              </button>
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="link-button" onClick={() => void copy()}>
        {props.findings.length === 0 ? 'Copy comment' : 'Copy comment anyway'}
      </button>
    </div>
  )
}
