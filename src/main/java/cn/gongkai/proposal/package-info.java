/**
 * 建议提案办理结果公开 (云政办发〔2019〕55号 item 21): NPC deputies' suggestions and CPPCC proposals registered,
 * assigned to their handling units, answered within the limit, the replies reviewed and marked public or not,
 * published, and the year's overall handling situation reported from the register.
 */
package cn.gongkai.proposal;
