/**
 * Our BPMN extensions as a moddle package descriptor. Elements go under `bpmn:extensionElements`, short
 * settings are attributes on standard elements:
 *
 * ```xml
 * <bpmn:userTask id="approve" name="Согласовать договор" voronka:decisions="approve revise reject">
 *   <bpmn:extensionElements>
 *     <voronka:assignee kind="variable" value="approver" />
 *     <voronka:dueDate>duration("P2D")</voronka:dueDate>
 *     <voronka:form>
 *       <voronka:field id="comment" label="Комментарий" type="textarea" required="true" />
 *     </voronka:form>
 *     <voronka:approval rule="majority" vote="approved" result="contractApproved" />
 *   </bpmn:extensionElements>
 *   <bpmn:multiInstanceLoopCharacteristics voronka:collection="approvers" voronka:elementVariable="approver" />
 * </bpmn:userTask>
 * <bpmn:serviceTask id="tell" name="Уведомить">
 *   <bpmn:extensionElements>
 *     <voronka:action name="notify"><voronka:param name="text">"Договор " + deal.title</voronka:param></voronka:action>
 *   </bpmn:extensionElements>
 * </bpmn:serviceTask>
 * <bpmn:message id="paid" name="invoicePaid" voronka:correlationKey="invoiceId" />
 * ```
 */
export const voronkaNamespace = 'http://voronka.dev/schema/bpmn/1.0';

const attribute = (name: string, type = 'String') => ({ name, type, isAttr: true });
const body = (name: string) => ({ name, type: 'String', isBody: true });

export const voronkaModdle = {
  name: 'Voronka',
  uri: voronkaNamespace,
  prefix: 'voronka',
  xml: { tagAlias: 'lowerCase' },
  types: [
    { name: 'Assignee', superClass: ['Element'], properties: [attribute('kind'), attribute('value')] },
    { name: 'DueDate', superClass: ['Element'], properties: [body('expression')] },
    {
      name: 'Form',
      superClass: ['Element'],
      properties: [{ name: 'fields', type: 'Field', isMany: true }],
    },
    {
      name: 'Field',
      superClass: ['Element'],
      properties: [
        attribute('id'),
        attribute('label'),
        attribute('type'),
        attribute('required', 'Boolean'),
        { name: 'options', type: 'Option', isMany: true },
      ],
    },
    { name: 'Option', superClass: ['Element'], properties: [attribute('value'), attribute('label')] },
    {
      name: 'Action',
      superClass: ['Element'],
      properties: [
        attribute('name'),
        attribute('resultVariable'),
        { name: 'params', type: 'Param', isMany: true },
      ],
    },
    { name: 'Param', superClass: ['Element'], properties: [attribute('name'), body('expression')] },
    {
      name: 'Approval',
      superClass: ['Element'],
      properties: [attribute('rule'), attribute('vote'), attribute('result')],
    },
    {
      name: 'MultiInstance',
      extends: ['bpmn:MultiInstanceLoopCharacteristics'],
      properties: [attribute('collection'), attribute('elementVariable')],
    },
    { name: 'Correlation', extends: ['bpmn:Message'], properties: [attribute('correlationKey')] },
    /** `voronka:decisions="approve revise reject"`: an approval task and the decisions it offers. */
    { name: 'Decisions', extends: ['bpmn:UserTask'], properties: [attribute('decisions')] },
  ],
};
